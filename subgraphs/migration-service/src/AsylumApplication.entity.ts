/** An application for international protection; grounds and outcome are special-category data. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { AsylumGround, AsylumOutcome } from "./enums";

@Entity("asylum_application")
@ObjectType({ description: "An application for international protection." })
export class AsylumApplication {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn({ name: "application_id" })
  applicationId: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Category("ASYLUM")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "lodged_on", type: "date" })
  lodgedOn: string;

  @Category("ASYLUM")
  @Field({ description: "First application of this person in the country (first-time applicants)." })
  @Column({ name: "first_time" })
  firstTime: boolean;

  @Index()
  @Column({ name: "country_of_origin" })
  countryOfOriginCode: string;

  @Category("ASYLUM")
  @Field(() => [AsylumGround], {
    description: "May reveal political opinion, religion, ethnicity or sexual orientation.",
  })
  @Column({ type: "text", array: true })
  grounds: AsylumGround[];

  @Category("MINOR")
  @Field({ description: "The applicant is a minor who arrived without a responsible adult." })
  @Column({ name: "unaccompanied_minor" })
  unaccompaniedMinor: boolean;

  @Category("ASYLUM")
  @Field(() => AsylumOutcome)
  @Column({ type: "text" })
  outcome: AsylumOutcome;

  @Category("ASYLUM")
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; none while pending." })
  @Column({ name: "decided_on", type: "date", nullable: true })
  decidedOn: string | null;

  @Category("ASYLUM")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
