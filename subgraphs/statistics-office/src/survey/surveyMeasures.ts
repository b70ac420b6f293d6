/**
 * What each survey measure counts, over which records and with which breakdowns. A person
 * measure counts members (absent members included: a household lists those living abroad); a
 * household measure counts households, described by their head's sex and age.
 */
import { SurveyDimension, SurveyMeasure } from "./surveyEnums";

export type SurveyUnit = "HOUSEHOLDS" | "PERSONS";

export interface SurveyMeasureSpec {
  measure: SurveyMeasure;
  unit: SurveyUnit;
  description: string;
  dimensions: readonly SurveyDimension[];
  /**
   * SQL condition on the measure's records (loadSurveyMicrocells names their tables h, m and e).
   * Fixed text: nothing from a request is ever written into it.
   */
  condition: string;
}

const { SEX, AGE, REGION, DESTINATION, REASON, REMITTANCE_AMOUNT } = SurveyDimension;
const OF_HOUSEHOLDS = [SEX, AGE, REGION] as const;
const OF_MEMBERS = [SEX, AGE, REGION] as const;
const OF_MIGRANTS = [SEX, AGE, REGION, DESTINATION, REASON] as const;
/** The member's latest spell abroad (e), if any. */
const EVER = "e.member_id IS NOT NULL";
const ABROAD = `${EVER} AND e.return_year IS NULL`;

const specs: readonly SurveyMeasureSpec[] = [
  {
    measure: SurveyMeasure.HOUSEHOLDS,
    unit: "HOUSEHOLDS",
    description: "Private households (the base of the household shares).",
    dimensions: OF_HOUSEHOLDS,
    condition: "TRUE",
  },
  {
    measure: SurveyMeasure.HOUSEHOLDS_RECEIVING_REMITTANCES,
    unit: "HOUSEHOLDS",
    description: "Households that received money from abroad in the 12 months before the interview.",
    dimensions: [...OF_HOUSEHOLDS, REMITTANCE_AMOUNT],
    condition: "h.receives_remittances",
  },
  {
    measure: SurveyMeasure.HOUSEHOLD_MEMBERS,
    unit: "PERSONS",
    description: "Usual members of private households, those living abroad included (the base of the person shares).",
    dimensions: OF_MEMBERS,
    condition: "TRUE",
  },
  {
    measure: SurveyMeasure.MEMBERS_EVER_ABROAD,
    unit: "PERSONS",
    description: "Members who ever lived abroad for three months or more since 1991; by their latest spell.",
    dimensions: OF_MIGRANTS,
    condition: EVER,
  },
  {
    measure: SurveyMeasure.MEMBERS_CURRENTLY_ABROAD,
    unit: "PERSONS",
    description: "Members living abroad at the interview; by their current spell.",
    dimensions: OF_MIGRANTS,
    condition: ABROAD,
  },
  {
    measure: SurveyMeasure.RETURNED_MIGRANTS,
    unit: "PERSONS",
    description: "Members back in the country after a spell abroad; by the spell they came back from.",
    dimensions: OF_MIGRANTS,
    condition: "e.return_year IS NOT NULL",
  },
  {
    measure: SurveyMeasure.INTENDING_TO_RETURN,
    unit: "PERSONS",
    description: "Members living abroad whom the household expects to come back; by their current spell.",
    dimensions: OF_MIGRANTS,
    condition: `${ABROAD} AND m.intends_to_return = 'YES'`,
  },
];

export const SURVEY_MEASURES: Readonly<Record<SurveyMeasure, SurveyMeasureSpec>> = Object.fromEntries(
  specs.map((s) => [s.measure, s]),
) as Record<SurveyMeasure, SurveyMeasureSpec>;
