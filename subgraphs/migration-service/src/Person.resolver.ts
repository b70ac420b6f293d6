/** Look-up of persons (by personRef or national id), their identity links, and entity references. */
import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Category, MAX_PAGE_SIZE, today } from "@hub/kit";
import { Country, country } from "./Country.type";
import { isMinorOn } from "./isMinorOn";
import type { Context } from "./loaders";
import { Person } from "./Person.entity";
import { disclose, discloseOne } from "./recordRules";

@Resolver(() => Person)
export class PersonResolver {
  @Category("IDENTITY")
  @Query(() => Person, { nullable: true })
  async person(@Arg("personRef", () => ID) personRef: string, @Ctx() ctx: Context): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(personRef));
  }

  @Category("IDENTITY")
  @Query(() => [Person], {
    description: `Persons by personRef, in the order asked; unknown and withheld references are left out. At most ${MAX_PAGE_SIZE}.`,
  })
  async persons(@Arg("personRefs", () => [ID]) personRefs: string[], @Ctx() ctx: Context): Promise<Person[]> {
    // Selection by key only, and capped: no bulk browsing of personal data (R5-3).
    const refs = [...new Set(personRefs)];
    if (refs.length > MAX_PAGE_SIZE) {
      throw new GraphQLError(`personRefs takes at most ${MAX_PAGE_SIZE} references`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    const found = await Promise.all(refs.map((ref) => ctx.loaders.personByRef.load(ref)));
    const known = found.filter((p): p is Person => p !== null);
    return disclose(ctx, "Person", known);
  }

  @Category("IDENTIFIER")
  @Query(() => Person, { nullable: true, description: "The person holding a national identification number." })
  async personByNationalId(@Arg("nationalId") nationalId: string, @Ctx() ctx: Context): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByNationalId.load(nationalId));
  }

  @Category("IDENTITY")
  @FieldResolver(() => [Country], { description: "Citizenships, the primary one first; empty for a stateless person." })
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
  async guardian(@Root() person: Person, @Ctx() ctx: Context): Promise<Person | null> {
    if (!person.guardianPersonRef) return null;
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(person.guardianPersonRef));
  }
}

/** `__resolveReference` for Person: batched, so N representations cost one SQL statement. */
export async function resolvePersonReference(reference: Record<string, unknown>, ctx: Context): Promise<Person | null> {
  const personRef = reference.personRef;
  if (typeof personRef !== "string") return null;
  return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(personRef));
}
