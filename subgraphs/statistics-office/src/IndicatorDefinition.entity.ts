/** Definition of a published migration indicator: what it counts, from which source, split by what. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Agency, DataCategory } from "@hub/contracts";
import { Category } from "@hub/kit";
import { IndicatorUnit } from "./enums";

@Entity("indicator_definition")
@ObjectType({ description: "Definition of a migration statistics indicator." })
export class IndicatorDefinition {
  @Category("REFERENCE")
  @Field(() => ID)
  @PrimaryColumn()
  code: string;

  @Category("REFERENCE")
  @Field()
  @Column()
  name: string;

  @Category("REFERENCE")
  @Field()
  @Column()
  description: string;

  @Category("REFERENCE")
  @Field(() => IndicatorUnit)
  @Column({ type: "text" })
  unit: IndicatorUnit;

  @Category("REFERENCE")
  @Field(() => String, { description: "Agency whose records the indicator is computed from." })
  @Column({ name: "source_agency", type: "text" })
  sourceAgency: Agency;

  @Category("REFERENCE")
  @Field(() => String, {
    description: "Data category of the records counted; ASYLUM and TRAFFICKING get stricter disclosure control.",
  })
  @Column({ name: "subject_category", type: "text" })
  subjectCategory: DataCategory;

  @Category("REFERENCE")
  @Field(() => [String], { description: "Dimensions the indicator is broken down by." })
  @Column({ type: "text", array: true })
  disaggregations: string[];
}
