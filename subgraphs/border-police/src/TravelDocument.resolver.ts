/** Look-up of a travel document by number, and its holder and issuing country. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Category, today } from "@hub/kit";
import { Country, country } from "./Country.type";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { decideField, discloseOne } from "./recordRules";
import { TravelDocument } from "./TravelDocument.entity";

@Resolver(() => TravelDocument)
export class TravelDocumentResolver {
  @Category("TRAVEL")
  @Query(() => TravelDocument, { nullable: true })
  async travelDocument(
    @Arg("documentNumber") documentNumber: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TravelDocument | null> {
    return discloseOne(ctx, "TravelDocument", await ctx.loaders.documentByNumber.load(documentNumber), info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, { nullable: true, description: "The holder; null when that person is withheld." })
  holder(@Root() document: TravelDocument): Person | null {
    return person(document.personRef);
  }

  @Category("TRAVEL")
  @FieldResolver(() => Country, { nullable: true })
  issuingCountry(@Root() document: TravelDocument): Country | null {
    return country(document.issuingCountryCode);
  }

  @Category("IDENTITY")
  @FieldResolver(() => Country, { nullable: true, description: "The nationality the document states." })
  holderNationality(@Root() document: TravelDocument): Country | null {
    return country(document.holderNationalityCode);
  }

  @Category("TRAVEL")
  @FieldResolver(() => Boolean, { description: "Not expired today." })
  isValid(@Root() document: TravelDocument): boolean {
    return document.expiresOn >= today();
  }

  // Declared (with its BIOMETRIC category) on the entity; decided here with the document's facts,
  // so a minor's chip image is refused while the rest of the document is served (R6-1-minors).
  @FieldResolver()
  async chipFacialImageDigest(
    @Root() document: TravelDocument,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    const allowed = await decideField(ctx, "TravelDocument", document, "BIOMETRIC", info);
    return allowed ? document.chipFacialImageDigest : null;
  }
}
