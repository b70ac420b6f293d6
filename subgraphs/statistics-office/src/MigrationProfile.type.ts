/** A year's migration profile after a template: for each indicator, the sex margins and the published cells. */
import { Field, Int, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import { Observation } from "./Observation.entity";
import { ProfileTemplate } from "./ProfileTemplate.entity";

@ObjectType({ description: "One indicator's figures in a migration profile." })
export class MigrationProfileIndicator {
  @Category("AGGREGATE")
  @Field(() => IndicatorDefinition, { description: "The definition, with the dimensions the template publishes." })
  indicator: IndicatorDefinition;

  @Category("AGGREGATE")
  @Field(() => Observation, {
    nullable: true,
    description: "Both sexes, every other dimension at its total; null when the indicator was not pulled for the year.",
  })
  total: Observation | null;

  @Category("AGGREGATE")
  @Field(() => Observation, { nullable: true, description: "Women and girls, every other dimension at its total." })
  female: Observation | null;

  @Category("AGGREGATE")
  @Field(() => Observation, { nullable: true, description: "Men and boys, every other dimension at its total." })
  male: Observation | null;

  @Category("AGGREGATE")
  @Field(() => [Observation], {
    description: "The cells of the template's disaggregations for the year, in the source's order.",
  })
  cells: Observation[];
}

@ObjectType({
  description: "A year's indicators after a template, sex-disaggregated, as the source agencies served them.",
})
export class MigrationProfile {
  @Category("AGGREGATE")
  @Field(() => Int)
  year: number;

  @Category("AGGREGATE")
  @Field(() => ProfileTemplate)
  template: ProfileTemplate;

  @Category("AGGREGATE")
  @Field(() => Date, {
    nullable: true,
    description: "When the latest pull that stored these figures ran.",
  })
  pulledAt: Date | null;

  @Category("AGGREGATE")
  @Field(() => [MigrationProfileIndicator])
  indicators: MigrationProfileIndicator[];
}
