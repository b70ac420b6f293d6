/**
 * The root field an agency serves its statistical tables on (profile contract), for example
 * `borderPoliceStatistics(indicator: String!, year: Int!): BorderPoliceStatisticalTable`.
 */
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { Category } from "../dataCategory";
import type { SubgraphContext } from "../SubgraphContext";
import type { StatisticalIndicator } from "./StatisticalIndicator";
import type { StatisticalTable } from "./StatisticalTable";
import { StatisticalTables } from "./StatisticalTables";
import { statisticalTableTypes } from "./statisticalTableTypes";

export interface StatisticsFieldOptions {
  /** The root field's name, e.g. `borderPoliceStatistics`. */
  field: string;
  /** The agency's type-name prefix, e.g. `BorderPolice`. */
  typePrefix: string;
  indicators: readonly StatisticalIndicator[];
}

/**
 * type-graphql takes resolver classes: one made here per agency keeps the agencies from each
 * holding a copy. Call it once per process (at module load), as it registers the agency's types.
 */
export function statisticsResolver(options: StatisticsFieldOptions): new () => object {
  const { Table } = statisticalTableTypes(options.typePrefix);
  const tables = new StatisticalTables(options.indicators);
  const codes = options.indicators.map((i) => i.code).join(", ");

  @Resolver()
  class StatisticsResolver {
    @Category("AGGREGATE")
    @Query(() => Table, {
      name: options.field,
      nullable: true,
      description: `An indicator's table for one year, after disclosure control at the source. Indicators: ${codes}.`,
    })
    statistics(
      @Arg("indicator") indicator: string,
      @Arg("year", () => Int) year: number,
      @Ctx() ctx: SubgraphContext<unknown>,
    ): Promise<StatisticalTable> {
      return tables.table(ctx.dataSource, indicator, year);
    }
  }
  return StatisticsResolver;
}
