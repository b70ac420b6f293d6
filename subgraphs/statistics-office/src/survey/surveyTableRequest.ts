/**
 * What a request for survey estimates may ask for. Only the enumerated measures and dimensions
 * exist (no filter, no code argument), and at most two dimensions per table: a request can
 * never narrow a cell down to one household, and small cells are suppressed besides.
 */
import { GraphQLError } from "graphql";
import { SURVEY_DIMENSIONS, type SurveyDimensionCodes } from "./surveyDimensions";
import type { SurveyDimension } from "./surveyEnums";
import type { SurveyMeasureSpec } from "./surveyMeasures";

export const MAX_BY_DIMENSIONS = 2;

/** The dimensions of the table asked for, in the order asked; BAD_USER_INPUT for a table the survey does not publish. */
export function surveyTableDimensions(
  measure: SurveyMeasureSpec,
  by: readonly SurveyDimension[],
): SurveyDimensionCodes[] {
  if (by.length > MAX_BY_DIMENSIONS) {
    throw badInput(`by takes at most ${MAX_BY_DIMENSIONS} dimensions, not ${by.length}`);
  }
  if (new Set(by).size !== by.length) throw badInput("by names a dimension twice");
  const unknown = by.filter((d) => !measure.dimensions.includes(d));
  if (unknown.length > 0) {
    throw badInput(
      `${measure.measure} cannot be broken down by ${unknown.join(", ")}; it can by ${measure.dimensions.join(", ")}`,
    );
  }
  return by.map((d) => SURVEY_DIMENSIONS[d]);
}

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
