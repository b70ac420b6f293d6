/** Screenings of returned nationals: search and links. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { FindOptionsWhere } from "typeorm";
import { Category, dateRange, given, pageSize } from "@hub/kit";
import { Country, country } from "./Country.type";
import { CrossingPoint } from "./CrossingPoint.entity";
import { DeporteeScreening } from "./DeporteeScreening.entity";
import type { ReturnReason } from "./enums";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { decideField, disclose } from "./recordRules";

@Resolver(() => DeporteeScreening)
export class DeporteeScreeningResolver {
  @Category("TRAVEL")
  @Query(() => [DeporteeScreening], {
    nullable: true,
    description: "Deportee screenings of a person, most recent first; null when refused.",
  })
  async deporteeScreenings(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("from", { nullable: true, description: "YYYY-MM-DD" }) from?: string,
    @Arg("to", { nullable: true, description: "YYYY-MM-DD" }) to?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<DeporteeScreening[]> {
    const where: FindOptionsWhere<DeporteeScreening> = {};
    if (given(personRef)) where.personRef = personRef;
    const range = dateRange(from, to);
    if (range) where.screenedOn = range;
    const screenings = await ctx.dataSource
      .getRepository(DeporteeScreening)
      .find({ where, order: { screenedOn: "DESC", id: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "DeporteeScreening", screenings, info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, { nullable: true, description: "The person screened; null when withheld." })
  person(@Root() screening: DeporteeScreening): Person | null {
    return person(screening.personRef);
  }

  @Category("TRAVEL")
  @FieldResolver(() => CrossingPoint)
  crossingPoint(@Root() screening: DeporteeScreening, @Ctx() ctx: Context): Promise<CrossingPoint | null> {
    return ctx.loaders.crossingPointByCode.load(screening.crossingPointCode);
  }

  @Category("TRAVEL")
  @FieldResolver(() => Country, { nullable: true, description: "The country that returned the person." })
  deportingCountry(@Root() screening: DeporteeScreening): Country | null {
    return country(screening.deportingCountryCode);
  }

  // The special-category fields below are declared (with their categories) on the entity and
  // decided here with the screening's facts, so a minor's are refused while the rest of the
  // screening is served (R6-1-minors).
  @FieldResolver()
  async returnReason(
    @Root() screening: DeporteeScreening,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReturnReason | null> {
    const allowed = await decideField(ctx, "DeporteeScreening", screening, "CRIMINAL", info);
    return allowed ? screening.returnReason : null;
  }

  @FieldResolver()
  async traffickingIndicators(
    @Root() screening: DeporteeScreening,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string[] | null> {
    const allowed = await decideField(ctx, "DeporteeScreening", screening, "TRAFFICKING", info);
    return allowed ? screening.traffickingIndicators : null;
  }

  @FieldResolver()
  async healthNeeds(
    @Root() screening: DeporteeScreening,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    const allowed = await decideField(ctx, "DeporteeScreening", screening, "HEALTH", info);
    return allowed ? screening.healthNeeds : null;
  }
}
