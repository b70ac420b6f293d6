/**
 * One cell of an indicator's table for a year. The raw count is stored but has no GraphQL field:
 * only `value` and `flag`, set by disclosure control at read time, are ever served.
 */
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Category } from "@hub/kit";
import { AgeGroup, ObservationFlag, Sex } from "./enums";

@Entity("observation")
@ObjectType({ description: "A statistical cell: an indicator's value for a year, sex, age group and citizenship." })
export class Observation {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" })
  id: number;

  @Column({ name: "indicator_code" })
  indicatorCode: string;

  @Category("AGGREGATE")
  @Field(() => Int)
  @Column({ type: "integer" })
  year: number;

  @Category("AGGREGATE")
  @Field(() => Sex)
  @Column({ type: "text" })
  sex: Sex;

  @Category("AGGREGATE")
  @Field(() => AgeGroup)
  @Column({ name: "age_group", type: "text" })
  ageGroup: AgeGroup;

  /** Null is the margin over all citizenships. */
  @Column({ name: "citizenship", type: "text", nullable: true })
  citizenshipCode: string | null;

  /** Never served as such (R5-6): it may be a small, identifying count. */
  @Column({ name: "raw_count", type: "integer" })
  rawCount: number;

  @Category("AGGREGATE")
  @Field(() => Int, { nullable: true, description: "Null when the cell is suppressed." })
  value: number | null;

  @Category("AGGREGATE")
  @Field(() => ObservationFlag)
  flag: ObservationFlag;
}
