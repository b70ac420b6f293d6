/** Trafficking cases: look-up by id, search, and the links to the victim and the country of exploitation. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { FindOptionsWhere } from "typeorm";
import { Category, given, pageSize } from "@hub/kit";
import { Country, country } from "./Country.type";
import type { Context } from "./loaders";
import { Person } from "./Person.entity";
import { disclose, discloseOne } from "./recordRules";
import { TraffickingCase } from "./TraffickingCase.entity";

@Resolver(() => TraffickingCase)
export class TraffickingCaseResolver {
  @Category("TRAFFICKING")
  @Query(() => TraffickingCase, { nullable: true })
  async traffickingCase(
    @Arg("caseId", () => ID) caseId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TraffickingCase | null> {
    return discloseOne(ctx, "TraffickingCase", await ctx.loaders.caseById.load(caseId), info);
  }

  @Category("TRAFFICKING")
  @Query(() => [TraffickingCase], {
    nullable: true,
    description: "Trafficking cases of a person, most recent first; null when refused.",
  })
  async traffickingCases(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("assignedCaseworker", { nullable: true }) assignedCaseworker?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<TraffickingCase[]> {
    const where: FindOptionsWhere<TraffickingCase> = {};
    if (given(personRef)) where.personRef = personRef;
    if (given(assignedCaseworker)) where.assignedCaseworker = assignedCaseworker;
    const cases = await ctx.dataSource
      .getRepository(TraffickingCase)
      .find({ where, order: { identifiedOn: "DESC", caseId: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "TraffickingCase", cases, info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, {
    nullable: true,
    description: "The (presumed) victim; null when that person's record is withheld.",
  })
  async person(
    @Root() trafficking: TraffickingCase,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(trafficking.personRef), info);
  }

  @Category("TRAFFICKING")
  @FieldResolver(() => Country, { nullable: true })
  countryOfExploitation(@Root() trafficking: TraffickingCase): Country | null {
    return country(trafficking.countryOfExploitationCode);
  }
}
