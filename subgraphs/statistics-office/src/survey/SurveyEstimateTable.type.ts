/**
 * A table of household survey estimates: a measure broken down by at most two dimensions, each
 * cell a weighted estimate with the unweighted respondents behind it. No type here, nor anywhere
 * in the schema, describes a household or a member.
 */
import { Field, Int, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";
import { SurveyDimension, SurveyEstimateFlag, SurveyMeasure } from "./surveyEnums";

@ObjectType({ description: "One cell of a survey table; a dimension the table does not break down by is _T." })
export class SurveyEstimate {
  @Category("AGGREGATE")
  @Field()
  sex: string;

  @Category("AGGREGATE")
  @Field()
  age: string;

  @Category("AGGREGATE")
  @Field()
  region: string;

  @Category("AGGREGATE")
  @Field()
  destination: string;

  @Category("AGGREGATE")
  @Field()
  reason: string;

  @Category("AGGREGATE")
  @Field()
  remittanceAmount: string;

  @Category("AGGREGATE")
  @Field(() => Int, {
    nullable: true,
    description: "Weighted estimate, rounded to roundingBase; null when suppressed.",
  })
  estimate: number | null;

  @Category("AGGREGATE")
  @Field(() => Int, {
    nullable: true,
    description: "Unweighted respondents behind the estimate; null when suppressed.",
  })
  respondents: number | null;

  @Category("AGGREGATE")
  @Field(() => SurveyEstimateFlag)
  flag: SurveyEstimateFlag;
}

@ObjectType({ description: "Weighted estimates of the household migration survey for one measure and round." })
export class SurveyEstimateTable {
  @Category("AGGREGATE")
  @Field(() => SurveyMeasure)
  measure: SurveyMeasure;

  @Category("AGGREGATE")
  @Field({ description: "HOUSEHOLDS or PERSONS." })
  unit: string;

  @Category("AGGREGATE")
  @Field(() => Int, { description: "Year of the survey round's fieldwork." })
  year: number;

  @Category("AGGREGATE")
  @Field(() => [SurveyDimension])
  by: SurveyDimension[];

  @Category("AGGREGATE")
  @Field(() => Int, { description: "A cell with fewer respondents is suppressed." })
  minimumRespondents: number;

  @Category("AGGREGATE")
  @Field(() => Int, { description: "Estimates are rounded to the nearest multiple of this." })
  roundingBase: number;

  @Category("AGGREGATE")
  @Field(() => [SurveyEstimate], { description: "Every cell, margins included, totals first." })
  cells: SurveyEstimate[];
}
