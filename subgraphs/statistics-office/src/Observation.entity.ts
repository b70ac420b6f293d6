/**
 * One cell of a source agency's statistical table, stored as the agency served it: its value
 * after disclosure control at source (null when suppressed) and its flag. The Statistics Office
 * never sees or stores a raw count.
 */
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Category } from "@hub/kit";
import { ObservationFlag } from "./enums";

@Entity("observation")
@ObjectType({
  description: "A statistical cell: an indicator's value for a year and one code of each dimension (_T: total).",
})
export class Observation {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" })
  id: number;

  /** The pull that stored the cell (provenance: when, which gateway requests). */
  @Column({ name: "pull_id", type: "integer" })
  pullId: number;

  @Column({ name: "indicator_code" })
  indicatorCode: string;

  /** Place of the cell in the source's canonical order, which every read keeps. */
  @Column({ type: "integer" })
  position: number;

  @Category("AGGREGATE")
  @Field(() => Int)
  @Column({ type: "integer" })
  year: number;

  @Category("AGGREGATE")
  @Field({ description: "_T, F or M." })
  @Column({ type: "text" })
  sex: string;

  @Category("AGGREGATE")
  @Field({ description: "_T, a five-year band (Y_LT5 … Y_GE80), Y_LT18 or Y_GE18: age on the date of the event." })
  @Column({ type: "text" })
  age: string;

  @Category("AGGREGATE")
  @Field({ description: "_T or an ISO 3166-1 alpha-2 code (first citizenship)." })
  @Column({ type: "text" })
  citizenship: string;

  @Category("AGGREGATE")
  @Field({ description: "_T or a code of `regions`." })
  @Column({ type: "text" })
  region: string;

  @Category("AGGREGATE")
  @Field({ description: "_T (the whole year) or 01 … 12." })
  @Column({ type: "text" })
  month: string;

  @Category("AGGREGATE")
  @Field({ description: "_T or a code of the indicator's own classification." })
  @Column({ type: "text" })
  breakdown: string;

  @Category("AGGREGATE")
  @Field(() => Int, { nullable: true, description: "Null when the cell is suppressed." })
  @Column({ type: "integer", nullable: true })
  value: number | null;

  @Category("AGGREGATE")
  @Field(() => ObservationFlag)
  @Column({ type: "text" })
  flag: ObservationFlag;
}
