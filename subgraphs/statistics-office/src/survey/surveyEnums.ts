/** GraphQL enums of the household survey's estimates: what can be estimated, by what, and how a cell was treated. */
import { registerEnumType } from "type-graphql";

/** What a survey estimate counts; each is a weighted count of households or of their members. */
export enum SurveyMeasure {
  HOUSEHOLDS = "HOUSEHOLDS",
  HOUSEHOLDS_RECEIVING_REMITTANCES = "HOUSEHOLDS_RECEIVING_REMITTANCES",
  HOUSEHOLD_MEMBERS = "HOUSEHOLD_MEMBERS",
  MEMBERS_EVER_ABROAD = "MEMBERS_EVER_ABROAD",
  MEMBERS_CURRENTLY_ABROAD = "MEMBERS_CURRENTLY_ABROAD",
  RETURNED_MIGRANTS = "RETURNED_MIGRANTS",
  INTENDING_TO_RETURN = "INTENDING_TO_RETURN",
}
registerEnumType(SurveyMeasure, {
  name: "SurveyMeasure",
  description: "What a household survey estimate counts (see surveyMeasures for each one's definition).",
});

/** What an estimate can be broken down by; never anything that could single out a household. */
export enum SurveyDimension {
  SEX = "SEX",
  AGE = "AGE",
  REGION = "REGION",
  DESTINATION = "DESTINATION",
  REASON = "REASON",
  REMITTANCE_AMOUNT = "REMITTANCE_AMOUNT",
}
registerEnumType(SurveyDimension, {
  name: "SurveyDimension",
  description: "A breakdown of household survey estimates (see surveyDimensions for each one's codes).",
});

/** What disclosure control and the quality rules did to an estimate. */
export enum SurveyEstimateFlag {
  NONE = "NONE",
  LOW_RELIABILITY = "LOW_RELIABILITY",
  SUPPRESSED = "SUPPRESSED",
}
registerEnumType(SurveyEstimateFlag, {
  name: "SurveyEstimateFlag",
  description:
    "NONE: estimate served. LOW_RELIABILITY: served, but from few respondents; use with caution. " +
    "SUPPRESSED: too few respondents (or hidden so that such a cell cannot be derived): estimate and count are null.",
});
