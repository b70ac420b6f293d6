/** A year's migration profile: for each indicator, the served totals overall and by sex. */
import { Field, Int, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import { Observation } from "./Observation.entity";

@ObjectType({ description: "One indicator's figures in a migration profile." })
export class MigrationProfileIndicator {
  @Category("AGGREGATE")
  @Field(() => IndicatorDefinition)
  indicator: IndicatorDefinition;

  @Category("AGGREGATE")
  @Field(() => Observation, {
    nullable: true,
    description: "All sexes, ages and citizenships; null without a table for the year.",
  })
  total: Observation | null;

  @Category("AGGREGATE")
  @Field(() => Observation, { nullable: true, description: "Women and girls, all ages and citizenships." })
  female: Observation | null;

  @Category("AGGREGATE")
  @Field(() => Observation, { nullable: true, description: "Men and boys, all ages and citizenships." })
  male: Observation | null;
}

@ObjectType({
  description: "The year's indicators, sex-disaggregated, as the national migration profile presents them.",
})
export class MigrationProfile {
  @Category("AGGREGATE")
  @Field(() => Int)
  year: number;

  @Category("AGGREGATE")
  @Field(() => [MigrationProfileIndicator])
  indicators: MigrationProfileIndicator[];
}
