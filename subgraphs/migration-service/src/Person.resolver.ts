/** Look-up of persons (by personRef or national id), their identity links, and entity references. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { Category, isMinorOn, MAX_PAGE_SIZE, today } from "@hub/kit";
import { Country, country } from "./Country.type";
import type { Context } from "./loaders";
import { Person } from "./Person.entity";
import { disclose, discloseOne } from "./recordRules";

@Resolver(() => Person)
export class PersonResolver {
  @Category("IDENTITY")
  @Query(() => Person, { nullable: true })
  async person(
    @Arg("personRef", () => ID) personRef: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(personRef), info);
  }

  // Selection by key only (R5-3: at most MAX_PAGE_SIZE well-formed references, checked by the
  // kit before this runs). Items are nullable so that one person the gateway cannot complete
  // (another agency's field failing) does not null the others (docs/decisions/0005).
  @Category("IDENTITY")
  @Query(() => [Person], {
    nullable: "itemsAndList",
    description: `Persons by personRef, in the order asked; unknown references are left out, withheld ones refused. At most ${MAX_PAGE_SIZE}.`,
  })
  async persons(
    @Arg("personRefs", () => [ID]) personRefs: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person[]> {
    const refs = [...new Set(personRefs)];
    const found = await Promise.all(refs.map((ref) => ctx.loaders.personByRef.load(ref)));
    const known = found.filter((p): p is Person => p !== null);
    return disclose(ctx, "Person", known, info);
  }

  @Category("IDENTIFIER")
  @Query(() => Person, { nullable: true, description: "The person holding a national identification number." })
  async personByNationalId(
    @Arg("nationalId") nationalId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByNationalId.load(nationalId), info);
  }

  // A country is named by the Statistics Office; one it cannot name nulls that item, not the person.
  @Category("IDENTITY")
  @FieldResolver(() => [Country], {
    nullable: "items",
    description: "Citizenships, the primary one first; empty for a stateless person.",
  })
  citizenships(@Root() person: Person): Country[] {
    return person.citizenshipCodes.map((code) => ({ code }));
  }

  @Category("IDENTITY")
  @FieldResolver(() => Country, { nullable: true })
  countryOfBirth(@Root() person: Person): Country | null {
    return country(person.countryOfBirthCode);
  }

  @Category("MINOR")
  @FieldResolver(() => Boolean, { description: "Under 18 today." })
  isMinor(@Root() person: Person): boolean {
    return isMinorOn(person.dateOfBirth, today());
  }

  @Category("MINOR")
  @FieldResolver(() => Person, { nullable: true, description: "The registered guardian of a minor, when known." })
  async guardian(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    if (!person.guardianPersonRef) return null;
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(person.guardianPersonRef), info);
  }
}

/** `__resolveReference` for Person: batched, so N representations cost one SQL statement. */
export async function resolvePersonReference(
  reference: Record<string, unknown>,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Person | null> {
  const personRef = reference.personRef;
  if (typeof personRef !== "string") return null;
  return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(personRef), info);
}
