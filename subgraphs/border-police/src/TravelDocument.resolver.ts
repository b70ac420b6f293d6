/** Look-up of a travel document by number, and its holder and issuing country. */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Category, today } from "@hub/kit";
import { Country, country } from "./Country.type";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { discloseOne } from "./recordRules";
import { TravelDocument } from "./TravelDocument.entity";

@Resolver(() => TravelDocument)
export class TravelDocumentResolver {
  @Category("TRAVEL")
  @Query(() => TravelDocument, { nullable: true })
  async travelDocument(
    @Arg("documentNumber") documentNumber: string,
    @Ctx() ctx: Context,
  ): Promise<TravelDocument | null> {
    return discloseOne(ctx, "TravelDocument", await ctx.loaders.documentByNumber.load(documentNumber));
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person)
  holder(@Root() document: TravelDocument): Person | null {
    return person(document.personRef);
  }

  @Category("TRAVEL")
  @FieldResolver(() => Country)
  issuingCountry(@Root() document: TravelDocument): Country | null {
    return country(document.issuingCountryCode);
  }

  @Category("TRAVEL")
  @FieldResolver(() => Boolean, { description: "Not expired today." })
  isValid(@Root() document: TravelDocument): boolean {
    return document.expiresOn >= today();
  }
}
