/** Stored cells of one indicator, filtered by year and dimension codes, in the source's order. */
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { FindOptionsWhere } from "typeorm";
import { Category } from "@hub/kit";
import { aggregatePageSize } from "./aggregatePageSize";
import type { Context } from "./loaders";
import { Observation } from "./Observation.entity";
import { badInput } from "./profileStore";

@Resolver(() => Observation)
export class ObservationResolver {
  @Category("AGGREGATE")
  @Query(() => [Observation], {
    description:
      "Cells of an indicator as its source served them, by year and dimension codes (_T selects the total); every cell keeps the value and flag it was published with.",
  })
  async observations(
    @Ctx() ctx: Context,
    @Arg("indicator", () => ID) indicator: string,
    @Arg("year", () => Int, { nullable: true }) year?: number,
    @Arg("sex", () => String, { nullable: true }) sex?: string,
    @Arg("age", () => String, { nullable: true }) age?: string,
    @Arg("citizenship", () => String, { nullable: true }) citizenship?: string,
    @Arg("region", () => String, { nullable: true }) region?: string,
    @Arg("month", () => String, { nullable: true }) month?: string,
    @Arg("breakdown", () => String, { nullable: true }) breakdown?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<Observation[]> {
    const limit = aggregatePageSize(first);
    if (!(await ctx.loaders.indicatorByCode.load(indicator))) throw badInput(`Unknown indicator ${indicator}`);
    const filters = { year, sex, age, citizenship, region, month, breakdown };
    const where: FindOptionsWhere<Observation> = { indicatorCode: indicator };
    for (const [column, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null) Object.assign(where, { [column]: value });
    }
    return ctx.dataSource.getRepository(Observation).find({
      where,
      order: { year: "ASC", position: "ASC" },
      take: limit,
    });
  }
}
