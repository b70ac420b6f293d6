/** A decision ordering a person to leave the country, and how it was carried out. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { ReturnGrounds, ReturnStatus } from "./enums";

@Entity("return_decision")
@ObjectType({ description: "A return decision (order to leave the country)." })
export class ReturnDecision {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn({ name: "decision_id" })
  decisionId: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Category("RESIDENCE")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  // The grounds alone can reveal a criminal conviction, hence a category of their own.
  @Category("CRIMINAL")
  @Field(() => ReturnGrounds, {
    nullable: true,
    description: "May reveal a criminal conviction; null when withheld (a minor's, R6-1-minors).",
  })
  @Column({ type: "text" })
  grounds: ReturnGrounds;

  @Category("RESIDENCE")
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; end of the period for voluntary departure." })
  @Column({ name: "voluntary_departure_until", type: "date", nullable: true })
  voluntaryDepartureUntil: string | null;

  @Category("RESIDENCE")
  @Field(() => ReturnStatus)
  @Column({ type: "text" })
  status: ReturnStatus;

  @Category("RESIDENCE")
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; when the person left or was returned." })
  @Column({ name: "returned_on", type: "date", nullable: true })
  returnedOn: string | null;

  @Column({ name: "destination_country" })
  destinationCountryCode: string;

  @Category("RESIDENCE")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
