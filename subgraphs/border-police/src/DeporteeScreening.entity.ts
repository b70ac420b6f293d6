/** Screening of a returned national at a crossing point: return reason, trafficking indicators, health needs. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { ReturnReason } from "./enums";

@Entity("deportee_screening")
@ObjectType({ description: "Screening of a person returned to the country, at the crossing point." })
export class DeporteeScreening {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn()
  id: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Column({ name: "crossing_point" })
  crossingPointCode: string;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "screened_on", type: "date" })
  screenedOn: string;

  @Column({ name: "deporting_country" })
  deportingCountryCode: string;

  @Category("CRIMINAL")
  @Field(() => ReturnReason, {
    nullable: true,
    description: "May reveal a criminal conviction; null when withheld (a minor's, R6-1-minors).",
  })
  @Column({ name: "return_reason", type: "text" })
  returnReason: ReturnReason;

  @Category("TRAFFICKING")
  @Field(() => [String], {
    nullable: true,
    description: "Indicators of trafficking noted at screening; null when withheld (a minor's, R6-1-minors).",
  })
  @Column({ name: "trafficking_indicators", type: "text", array: true })
  traffickingIndicators: string[];

  @Category("HEALTH")
  @Field(() => String, { nullable: true })
  @Column({ name: "health_needs", type: "text", nullable: true })
  healthNeeds: string | null;

  @Category("FLAG")
  @Field({ description: "The person consented to sharing the screening with assisting bodies." })
  @Column({ name: "consent_to_share" })
  consentToShare: boolean;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
