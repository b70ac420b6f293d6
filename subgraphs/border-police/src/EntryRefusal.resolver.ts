/** Refusals of entry: search and links. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { FindOptionsWhere } from "typeorm";
import { Category, dateRange, given, pageSize } from "@hub/kit";
import { CrossingPoint } from "./CrossingPoint.entity";
import { EntryRefusal } from "./EntryRefusal.entity";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { disclose } from "./recordRules";

@Resolver(() => EntryRefusal)
export class EntryRefusalResolver {
  @Category("TRAVEL")
  @Query(() => [EntryRefusal], {
    nullable: true,
    description: "Refusals of entry of a person, most recent first; null when refused.",
  })
  async entryRefusals(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("crossingPointCode", { nullable: true }) crossingPointCode?: string,
    @Arg("from", { nullable: true, description: "YYYY-MM-DD" }) from?: string,
    @Arg("to", { nullable: true, description: "YYYY-MM-DD" }) to?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<EntryRefusal[]> {
    const where: FindOptionsWhere<EntryRefusal> = {};
    if (given(personRef)) where.personRef = personRef;
    if (given(crossingPointCode)) where.crossingPointCode = crossingPointCode;
    const range = dateRange(from, to);
    if (range) where.refusedOn = range;
    const refusals = await ctx.dataSource
      .getRepository(EntryRefusal)
      .find({ where, order: { refusedOn: "DESC", id: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "EntryRefusal", refusals, info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, { nullable: true, description: "The person refused; null when withheld." })
  person(@Root() refusal: EntryRefusal): Person | null {
    return person(refusal.personRef);
  }

  @Category("TRAVEL")
  @FieldResolver(() => CrossingPoint)
  crossingPoint(@Root() refusal: EntryRefusal, @Ctx() ctx: Context): Promise<CrossingPoint | null> {
    return ctx.loaders.crossingPointByCode.load(refusal.crossingPointCode);
  }
}
