/**
 * Identities between the survey's measures, cell by cell, and which measures' tables are
 * therefore protected together. Respondent counts are exact, so a measure that is the sum of
 * others makes a cell suppressed in one table the difference of cells served in the others:
 * suppressing each table alone would not protect it.
 */
import { SurveyMeasure, type SurveyDimension } from "./surveyEnums";
import { SURVEY_MEASURES, type SurveyMeasureSpec } from "./surveyMeasures";

/**
 * In every cell the measures share, the total's respondents are the sum of the parts' (and of
 * the rest's, when the parts do not cover the total). The rest is served by no table, but the
 * served cells imply it, so it is protected like a served cell.
 */
export interface SurveyMeasureRelation {
  readonly total: SurveyMeasure;
  readonly parts: readonly SurveyMeasure[];
  /** What the total counts beyond the parts; absent when the parts cover it. */
  readonly rest?: string;
}

const {
  HOUSEHOLDS,
  HOUSEHOLDS_RECEIVING_REMITTANCES,
  HOUSEHOLD_MEMBERS,
  MEMBERS_EVER_ABROAD,
  MEMBERS_CURRENTLY_ABROAD,
  RETURNED_MIGRANTS,
  INTENDING_TO_RETURN,
} = SurveyMeasure;

/** Each follows from the measures' conditions (surveyMeasures.ts) over the same records and columns. */
export const SURVEY_MEASURE_RELATIONS: readonly SurveyMeasureRelation[] = [
  { total: HOUSEHOLDS, parts: [HOUSEHOLDS_RECEIVING_REMITTANCES], rest: "households that received no remittances" },
  { total: HOUSEHOLD_MEMBERS, parts: [MEMBERS_EVER_ABROAD], rest: "members who never lived abroad" },
  // The latest spell abroad either goes on or ended: abroad now or back.
  { total: MEMBERS_EVER_ABROAD, parts: [MEMBERS_CURRENTLY_ABROAD, RETURNED_MIGRANTS] },
  { total: MEMBERS_CURRENTLY_ABROAD, parts: [INTENDING_TO_RETURN], rest: "members abroad not expected back" },
];

/** The measures protected in one run, and the relations among them. */
export interface LinkedSurveyMeasures {
  /** In the order of SurveyMeasure, whichever of them was asked for. */
  readonly measures: readonly SurveyMeasureSpec[];
  readonly relations: readonly SurveyMeasureRelation[];
}

/**
 * The measures linked to `measure` through the relations that have a table by `by` (a measure
 * without one of the dimensions has none), with the relations among those. Any measure of the
 * group asked by the same dimensions gives the same group: the same question, the same cells.
 */
export function linkedSurveyMeasures(measure: SurveyMeasure, by: readonly SurveyDimension[]): LinkedSurveyMeasures {
  const group = new Set([measure]);
  for (let grown = true; grown;) {
    grown = false;
    for (const relation of SURVEY_MEASURE_RELATIONS) {
      const linked = [relation.total, ...relation.parts];
      if (!linked.some((m) => group.has(m)) || linked.every((m) => group.has(m))) continue;
      linked.forEach((m) => group.add(m));
      grown = true;
    }
  }
  const tabulated = (m: SurveyMeasure) => group.has(m) && by.every((d) => SURVEY_MEASURES[m].dimensions.includes(d));
  return {
    measures: Object.values(SurveyMeasure)
      .filter(tabulated)
      .map((m) => SURVEY_MEASURES[m]),
    relations: SURVEY_MEASURE_RELATIONS.filter((r) => [r.total, ...r.parts].every(tabulated)),
  };
}
