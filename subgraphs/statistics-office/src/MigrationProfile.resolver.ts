/** The migration profile of a year, built from the same disclosure-controlled tables as `observations`. */
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import { AgeGroup, Sex } from "./enums";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import type { Context } from "./loaders";
import { MigrationProfile } from "./MigrationProfile.type";
import type { Observation } from "./Observation.entity";
import { servedObservations } from "./servedObservations";

@Resolver(() => MigrationProfile)
export class MigrationProfileResolver {
  @Category("AGGREGATE")
  @Query(() => MigrationProfile, { nullable: true, description: "Null when no indicator has figures for the year." })
  async migrationProfile(@Arg("year", () => Int) year: number, @Ctx() ctx: Context): Promise<MigrationProfile | null> {
    const indicators = await ctx.dataSource.getRepository(IndicatorDefinition).find({ order: { code: "ASC" } });
    const cells = await servedObservations(ctx.dataSource, indicators, year);
    if (cells.length === 0) return null;
    // Margins over age and citizenship; the full tables were protected before these were picked.
    const margins = new Map<string, Observation>();
    for (const c of cells) {
      if (c.ageGroup === AgeGroup.TOTAL && c.citizenshipCode === null) margins.set(`${c.indicatorCode}|${c.sex}`, c);
    }
    const margin = (code: string, sex: Sex) => margins.get(`${code}|${sex}`) ?? null;
    return {
      year,
      indicators: indicators.map((indicator) => ({
        indicator,
        total: margin(indicator.code, Sex.TOTAL),
        female: margin(indicator.code, Sex.FEMALE),
        male: margin(indicator.code, Sex.MALE),
      })),
    };
  }
}
