/**
 * Reads a survey measure's records as microcells: one GROUP BY over the answers the table
 * breaks down by, counting respondents and summing their weights in the database. Records never
 * leave this module; the estimator sees counts and sums only.
 */
import type { DataSource } from "typeorm";
import { type Microcell, WEIGHT_UNITS_PER_HOUSEHOLD } from "./estimateSurveyTables";
import type { SurveyDimensionCodes } from "./surveyDimensions";
import { SurveyDimension } from "./surveyEnums";
import type { SurveyMeasureSpec, SurveyUnit } from "./surveyMeasures";

/** Column of each breakdown; fixed text, as the measures' conditions are. */
const COLUMNS: Readonly<Record<SurveyDimension, string>> = {
  [SurveyDimension.SEX]: "m.sex",
  [SurveyDimension.AGE]: "m.age",
  [SurveyDimension.REGION]: "h.region",
  [SurveyDimension.DESTINATION]: "e.destination",
  [SurveyDimension.REASON]: "e.reason",
  [SurveyDimension.REMITTANCE_AMOUNT]: "h.remittance_band",
};

/** Households are described by their head (m, line 1); members by themselves and their latest spell abroad (e). */
const RECORDS: Readonly<Record<SurveyUnit, string>> = {
  HOUSEHOLDS: "survey_household h JOIN survey_member m ON m.household_id = h.id AND m.line_number = 1",
  PERSONS: `survey_member m JOIN survey_household h ON h.id = m.household_id
    LEFT JOIN LATERAL (
      SELECT member_id, destination, reason, return_year FROM survey_episode
      WHERE member_id = m.id ORDER BY sequence DESC LIMIT 1
    ) e ON TRUE`,
};

interface Row {
  [answer: `a${number}`]: string | number;
  respondents: number;
  weight_units: string;
}

export async function loadSurveyMicrocells(
  db: DataSource,
  year: number,
  measure: SurveyMeasureSpec,
  dimensions: readonly SurveyDimensionCodes[],
): Promise<Microcell[]> {
  const columns = dimensions.map((d) => COLUMNS[d.dimension]);
  const answers = columns.map((c, i) => `${c} AS a${i}, `).join("");
  const groupBy = columns.length > 0 ? `GROUP BY ${columns.join(", ")}` : "";
  const rows = (await db.query(
    `SELECT ${answers}count(*)::integer AS respondents, (coalesce(sum(h.weight), 0) * ${WEIGHT_UNITS_PER_HOUSEHOLD})::bigint AS weight_units
     FROM ${RECORDS[measure.unit]}
     WHERE h.survey_year = $1 AND (${measure.condition})
     ${groupBy}`,
    [year],
  )) as Row[];
  return rows.map((row) => ({
    codes: dimensions.map((d, i) => d.classify(row[`a${i}`] as string | number)),
    respondents: row.respondents,
    weightUnits: Number(row.weight_units),
  }));
}
