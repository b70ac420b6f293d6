/** Queries over border crossings and the links of a crossing to person, document and crossing point. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import { Between, type FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual } from "typeorm";
import { Category, given, pageSize } from "@hub/kit";
import { BorderCrossing } from "./BorderCrossing.entity";
import { CrossingPoint } from "./CrossingPoint.entity";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { decideField, disclose, discloseOne } from "./recordRules";
import { TravelDocument } from "./TravelDocument.entity";

@Resolver(() => BorderCrossing)
export class BorderCrossingResolver {
  @Category("TRAVEL")
  @Query(() => [BorderCrossing], {
    nullable: true,
    description: "Border crossings of a person or travel document, most recent first; null when refused.",
  })
  async crossings(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("documentNumber", { nullable: true }) documentNumber?: string,
    @Arg("crossingPointCode", { nullable: true }) crossingPointCode?: string,
    @Arg("from", { nullable: true }) from?: Date,
    @Arg("to", { nullable: true }) to?: Date,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<BorderCrossing[]> {
    const where: FindOptionsWhere<BorderCrossing> = {};
    if (given(personRef)) where.personRef = personRef;
    if (given(documentNumber)) where.documentNumber = documentNumber;
    if (given(crossingPointCode)) where.crossingPointCode = crossingPointCode;
    if (from && to) where.crossedAt = Between(from, to);
    else if (from) where.crossedAt = MoreThanOrEqual(from);
    else if (to) where.crossedAt = LessThanOrEqual(to);
    const crossings = await ctx.dataSource
      .getRepository(BorderCrossing)
      .find({ where, order: { crossedAt: "DESC", id: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "BorderCrossing", crossings, info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, { nullable: true, description: "The traveller; null when that person is withheld." })
  person(@Root() crossing: BorderCrossing): Person | null {
    return person(crossing.personRef);
  }

  @Category("MINOR")
  @FieldResolver(() => Person, { nullable: true, description: "The adult accompanying a minor." })
  accompanyingPerson(@Root() crossing: BorderCrossing, @Ctx() ctx: Context): Person | null {
    // The adult's personRef leaves with the minor's crossing: it is a disclosure about the adult too (R9-1).
    ctx.guard.note(crossing.accompanyingPersonRef);
    return person(crossing.accompanyingPersonRef);
  }

  @Category("TRAVEL")
  @FieldResolver(() => CrossingPoint)
  crossingPoint(@Root() crossing: BorderCrossing, @Ctx() ctx: Context): Promise<CrossingPoint | null> {
    return ctx.loaders.crossingPointByCode.load(crossing.crossingPointCode);
  }

  @Category("TRAVEL")
  @FieldResolver(() => TravelDocument, { nullable: true })
  async travelDocument(
    @Root() crossing: BorderCrossing,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TravelDocument | null> {
    const document = await ctx.loaders.documentByNumber.load(crossing.documentNumber);
    return discloseOne(ctx, "TravelDocument", document, info);
  }

  // Declared (with its BIOMETRIC category) on the entity; decided here with the crossing's facts,
  // so a minor's score is refused while the rest of the crossing is served (R6-1-minors).
  @FieldResolver()
  async biometricMatchScore(
    @Root() crossing: BorderCrossing,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<number | null> {
    const allowed = await decideField(ctx, "BorderCrossing", crossing, "BIOMETRIC", info);
    return allowed ? crossing.biometricMatchScore : null;
  }
}
