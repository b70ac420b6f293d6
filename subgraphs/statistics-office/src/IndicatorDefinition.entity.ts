/** Definition of a published migration indicator: what it counts, from which source table, split by what. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { DataCategory, DisclosureRegimeName, SourceIndicatorCode, StatisticalDimension } from "@hub/contracts";
import { Category } from "@hub/kit";

@Entity("indicator_definition")
@ObjectType({ description: "Definition of a migration statistics indicator (contracts/profiles/indicators.yaml)." })
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
  @Field({ description: "What is counted, and the Eurostat table the indicator follows." })
  @Column()
  description: string;

  @Category("REFERENCE")
  @Field({ description: "What one unit counts: PERSONS, PERMITS, DECISIONS, CROSSINGS or CASES." })
  @Column({ type: "text" })
  unit: string;

  @Category("REFERENCE")
  @Field({ description: "Agency whose aggregate the indicator is pulled from." })
  @Column({ name: "source_agency", type: "text" })
  sourceAgency: string;

  @Category("REFERENCE")
  @Field(() => String, { description: "The source agency's statistical table the cells come from." })
  @Column({ name: "source_indicator", type: "text" })
  sourceIndicator: SourceIndicatorCode;

  @Category("REFERENCE")
  @Field(() => String, { description: "Data category of the records counted at source." })
  @Column({ name: "subject_category", type: "text" })
  subjectCategory: DataCategory;

  @Category("REFERENCE")
  @Field(() => String, {
    description: "Disclosure-control regime the source protects the table under: STANDARD or STRICT.",
  })
  @Column({ type: "text" })
  regime: DisclosureRegimeName;

  @Category("REFERENCE")
  @Field(() => [String], {
    description:
      "Dimensions the figures are broken down by: in a template, those the template publishes; otherwise those the source offers.",
  })
  @Column({ type: "text", array: true })
  disaggregations: StatisticalDimension[];

  /** Codes of the indicator's own classification (BREAKDOWN); a pulled table may carry no other. */
  @Column({ name: "breakdown_codes", type: "text", array: true })
  breakdownCodes: string[];
}
