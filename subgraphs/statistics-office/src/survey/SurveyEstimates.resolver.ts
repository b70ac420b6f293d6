/** The household survey as the Statistics Office serves it: weighted estimates and their code lists, never a record. */
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import type { Context } from "../loaders";
import { estimateSurveyTables, MINIMUM_RESPONDENTS, ROUNDING_BASE } from "./estimateSurveyTables";
import { loadSurveyMicrocells } from "./loadSurveyMicrocells";
import { SURVEY_DIMENSIONS, TOTAL } from "./surveyDimensions";
import { SurveyDimension, SurveyMeasure } from "./surveyEnums";
import { type SurveyEstimate, SurveyEstimateTable } from "./SurveyEstimateTable.type";
import { linkedSurveyMeasures } from "./surveyMeasureRelations";
import { SURVEY_MEASURES } from "./surveyMeasures";
import { SurveyDimensionDefinition, SurveyMeasureDefinition } from "./SurveyReference.type";
import { badInput, surveyTableDimensions } from "./surveyTableRequest";

/** Which field of a cell carries each dimension's code. */
const CELL_FIELDS = {
  [SurveyDimension.SEX]: "sex",
  [SurveyDimension.AGE]: "age",
  [SurveyDimension.REGION]: "region",
  [SurveyDimension.DESTINATION]: "destination",
  [SurveyDimension.REASON]: "reason",
  [SurveyDimension.REMITTANCE_AMOUNT]: "remittanceAmount",
} as const satisfies Record<SurveyDimension, keyof SurveyEstimate>;

@Resolver()
export class SurveyEstimatesResolver {
  @Category("AGGREGATE")
  @Query(() => SurveyEstimateTable, {
    nullable: true,
    description:
      "Weighted estimates of the household migration survey, by at most two dimensions, margins included. " +
      "Cells with too few respondents are suppressed. Null when no round has been surveyed.",
  })
  async surveyEstimates(
    @Ctx() ctx: Context,
    @Arg("measure", () => SurveyMeasure) measure: SurveyMeasure,
    @Arg("by", () => [SurveyDimension], { nullable: true }) by?: SurveyDimension[] | null,
    @Arg("year", () => Int, { nullable: true, description: "Year of the round; the latest when left out." })
    year?: number | null,
  ): Promise<SurveyEstimateTable | null> {
    const spec = SURVEY_MEASURES[measure];
    const dimensions = surveyTableDimensions(spec, by ?? []);
    const round = await surveyRound(ctx, year ?? null);
    if (round === null) return null;
    // The linked measures' tables are protected together, so all of them are read.
    const linked = linkedSurveyMeasures(measure, by ?? []);
    const microcells = new Map(
      await Promise.all(
        linked.measures.map(
          async (m) => [m.measure, await loadSurveyMicrocells(ctx.dataSource, round, m, dimensions)] as const,
        ),
      ),
    );
    const tables = estimateSurveyTables(dimensions, microcells, linked.relations);
    const asked = tables.get(measure);
    if (asked === undefined) throw new Error(`${measure} is not among the measures linked to it`);
    const cells = asked.map((cell) => {
      const served: SurveyEstimate = {
        sex: TOTAL,
        age: TOTAL,
        region: TOTAL,
        destination: TOTAL,
        reason: TOTAL,
        remittanceAmount: TOTAL,
        estimate: cell.estimate,
        respondents: cell.respondents,
        flag: cell.flag,
      };
      dimensions.forEach((d, i) => (served[CELL_FIELDS[d.dimension]] = cell.codes[i] as string));
      return served;
    });
    return {
      measure,
      unit: spec.unit,
      year: round,
      by: dimensions.map((d) => d.dimension),
      minimumRespondents: MINIMUM_RESPONDENTS,
      roundingBase: ROUNDING_BASE,
      cells,
    };
  }

  @Category("REFERENCE")
  @Query(() => [SurveyMeasureDefinition], { description: "The household survey's measures." })
  surveyMeasures(): SurveyMeasureDefinition[] {
    return Object.values(SURVEY_MEASURES).map((m) => ({
      measure: m.measure,
      unit: m.unit,
      description: m.description,
      dimensions: [...m.dimensions],
    }));
  }

  @Category("REFERENCE")
  @Query(() => [SurveyDimensionDefinition], { description: "The household survey's dimensions and their codes." })
  surveyDimensions(): SurveyDimensionDefinition[] {
    return Object.values(SURVEY_DIMENSIONS).map((d) => ({
      dimension: d.dimension,
      description: d.description,
      codes: d.codes.map((c) => ({ ...c })),
    }));
  }
}

/** The round asked for, or the latest; null when none exists, BAD_USER_INPUT for a year without one. */
async function surveyRound(ctx: Context, year: number | null): Promise<number | null> {
  const rows = (await ctx.dataSource.query("SELECT DISTINCT survey_year FROM survey_stratum ORDER BY survey_year")) as {
    survey_year: number;
  }[];
  const years = rows.map((r) => r.survey_year);
  if (year === null) return years[years.length - 1] ?? null;
  if (!years.includes(year)) {
    throw badInput(`no survey round in ${year}; rounds: ${years.join(", ") || "none"}`);
  }
  return year;
}
