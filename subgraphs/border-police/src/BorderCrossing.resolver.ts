/** Queries over border crossings and the links of a crossing to person, document and crossing point. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Between, type FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual } from "typeorm";
import { Category, pageSize } from "@hub/kit";
import { BorderCrossing } from "./BorderCrossing.entity";
import { CrossingPoint } from "./CrossingPoint.entity";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { decideField, disclose, discloseOne } from "./recordRules";
import { TravelDocument } from "./TravelDocument.entity";

@Resolver(() => BorderCrossing)
export class BorderCrossingResolver {
  @Category("TRAVEL")
  @Query(() => [BorderCrossing], { description: "Border crossings matching the filters, most recent first." })
  async crossings(
    @Ctx() ctx: Context,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("documentNumber", { nullable: true }) documentNumber?: string,
    @Arg("crossingPointCode", { nullable: true }) crossingPointCode?: string,
    @Arg("from", { nullable: true }) from?: Date,
    @Arg("to", { nullable: true }) to?: Date,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<BorderCrossing[]> {
    const where: FindOptionsWhere<BorderCrossing> = {};
    if (personRef) where.personRef = personRef;
    if (documentNumber) where.documentNumber = documentNumber;
    if (crossingPointCode) where.crossingPointCode = crossingPointCode;
    if (from && to) where.crossedAt = Between(from, to);
    else if (from) where.crossedAt = MoreThanOrEqual(from);
    else if (to) where.crossedAt = LessThanOrEqual(to);
    const crossings = await ctx.dataSource
      .getRepository(BorderCrossing)
      .find({ where, order: { crossedAt: "DESC", id: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "BorderCrossing", crossings);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person)
  person(@Root() crossing: BorderCrossing): Person | null {
    return person(crossing.personRef);
  }

  @Category("MINOR")
  @FieldResolver(() => Person, { nullable: true, description: "The adult accompanying a minor." })
  accompanyingPerson(@Root() crossing: BorderCrossing): Person | null {
    return person(crossing.accompanyingPersonRef);
  }

  @Category("TRAVEL")
  @FieldResolver(() => CrossingPoint)
  crossingPoint(@Root() crossing: BorderCrossing, @Ctx() ctx: Context): Promise<CrossingPoint | null> {
    return ctx.loaders.crossingPointByCode.load(crossing.crossingPointCode);
  }

  @Category("TRAVEL")
  @FieldResolver(() => TravelDocument, { nullable: true })
  async travelDocument(@Root() crossing: BorderCrossing, @Ctx() ctx: Context): Promise<TravelDocument | null> {
    return discloseOne(ctx, "TravelDocument", await ctx.loaders.documentByNumber.load(crossing.documentNumber));
  }

  // Declared (with its BIOMETRIC category) on the entity; decided here with the crossing's facts,
  // so a minor's score is refused while the rest of the crossing is served (R6-1-minors).
  @FieldResolver()
  async biometricMatchScore(@Root() crossing: BorderCrossing, @Ctx() ctx: Context): Promise<number | null> {
    await decideField(ctx, "BorderCrossing", crossing, "BIOMETRIC");
    return crossing.biometricMatchScore;
  }
}
