/** The survey's code lists as served: its measures and its dimensions with their codes (reference data). */
import { Field, ID, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";
import { SurveyDimension, SurveyMeasure } from "./surveyEnums";

@ObjectType({ description: "A code of a survey dimension." })
export class SurveyCode {
  @Category("REFERENCE")
  @Field(() => ID)
  code: string;

  @Category("REFERENCE")
  @Field()
  name: string;
}

@ObjectType({ description: "A dimension survey estimates can be broken down by, with its codes (total first)." })
export class SurveyDimensionDefinition {
  @Category("REFERENCE")
  @Field(() => SurveyDimension)
  dimension: SurveyDimension;

  @Category("REFERENCE")
  @Field()
  description: string;

  @Category("REFERENCE")
  @Field(() => [SurveyCode])
  codes: SurveyCode[];
}

@ObjectType({ description: "What a survey measure counts, and by which dimensions it can be broken down." })
export class SurveyMeasureDefinition {
  @Category("REFERENCE")
  @Field(() => SurveyMeasure)
  measure: SurveyMeasure;

  @Category("REFERENCE")
  @Field({ description: "HOUSEHOLDS or PERSONS." })
  unit: string;

  @Category("REFERENCE")
  @Field()
  description: string;

  @Category("REFERENCE")
  @Field(() => [SurveyDimension])
  dimensions: SurveyDimension[];
}
