/** The list of crossing points (reference data). */
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Category } from "@hub/kit";
import { Country, country } from "./Country.type";
import { CrossingPoint } from "./CrossingPoint.entity";
import type { Context } from "./loaders";

@Resolver(() => CrossingPoint)
export class CrossingPointResolver {
  @Category("REFERENCE")
  @Query(() => [CrossingPoint], { nullable: true })
  crossingPoints(@Ctx() ctx: Context): Promise<CrossingPoint[]> {
    return ctx.dataSource.getRepository(CrossingPoint).find({ order: { code: "ASC" } });
  }

  @Category("REFERENCE")
  @FieldResolver(() => Country, { nullable: true, description: "Country across the border; none for airports." })
  neighbourCountry(@Root() point: CrossingPoint): Country | null {
    return country(point.neighbourCountryCode);
  }
}
