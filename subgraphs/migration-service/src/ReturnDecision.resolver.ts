/** Return decisions of a person, and their links to person and destination country. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { Category } from "@hub/kit";
import { Country, country } from "./Country.type";
import type { Context } from "./loaders";
import type { ReturnGrounds } from "./enums";
import { Person } from "./Person.entity";
import { decideField, disclose, discloseOne } from "./recordRules";
import { ReturnDecision } from "./ReturnDecision.entity";

@Resolver(() => ReturnDecision)
export class ReturnDecisionResolver {
  @Category("RESIDENCE")
  @Query(() => [ReturnDecision], {
    nullable: true,
    description: "Return decisions issued to a person, most recent first; null when refused.",
  })
  async returnDecisions(
    @Arg("personRef", () => ID) personRef: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReturnDecision[]> {
    return disclose(ctx, "ReturnDecision", await ctx.loaders.returnsByPerson.load(personRef), info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, {
    nullable: true,
    description: "The person ordered to leave; null when that person's record is withheld.",
  })
  async person(
    @Root() decision: ReturnDecision,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(decision.personRef), info);
  }

  @Category("RESIDENCE")
  @FieldResolver(() => Country, { nullable: true, description: "The country of return." })
  destinationCountry(@Root() decision: ReturnDecision): Country | null {
    return country(decision.destinationCountryCode);
  }

  // Declared (with its CRIMINAL category) on the entity; decided here with the decision's facts,
  // so a minor's grounds are refused while the rest of the decision is served (R6-1-minors).
  @FieldResolver()
  async grounds(
    @Root() decision: ReturnDecision,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReturnGrounds | null> {
    const allowed = await decideField(ctx, "ReturnDecision", decision, "CRIMINAL", info);
    return allowed ? decision.grounds : null;
  }
}
