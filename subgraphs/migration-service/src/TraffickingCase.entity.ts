/** Assistance to a (presumed) victim of trafficking in human beings: the whole record is special category. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { AssistanceKind, ExploitationForm, TraffickingCaseStatus } from "./enums";

@Entity("trafficking_case")
@ObjectType({ description: "A case of a (presumed) victim of trafficking in human beings." })
export class TraffickingCase {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn({ name: "case_id" })
  caseId: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Category("TRAFFICKING")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "identified_on", type: "date" })
  identifiedOn: string;

  @Category("TRAFFICKING")
  @Field(() => ExploitationForm)
  @Column({ name: "form_of_exploitation", type: "text" })
  formOfExploitation: ExploitationForm;

  @Column({ name: "country_of_exploitation" })
  countryOfExploitationCode: string;

  @Category("TRAFFICKING")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "screening_interview_on", type: "date" })
  screeningInterviewOn: string;

  @Category("TRAFFICKING")
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; none before the interview." })
  @Column({ name: "assistance_interview_on", type: "date", nullable: true })
  assistanceInterviewOn: string | null;

  @Category("TRAFFICKING")
  @Field(() => [AssistanceKind])
  @Column({ type: "text", array: true })
  assistance: AssistanceKind[];

  @Category("TRAFFICKING")
  @Field({ description: "Subject of the caseworker assigned to the case." })
  @Index()
  @Column({ name: "assigned_caseworker" })
  assignedCaseworker: string;

  @Category("TRAFFICKING")
  @Field({ description: "The person consented to sharing the case with assisting bodies." })
  @Column({ name: "consent_to_share" })
  consentToShare: boolean;

  @Category("TRAFFICKING")
  @Field({ description: "YYYY-MM-DD: end of the recovery and reflection period." })
  @Column({ name: "reflection_period_until", type: "date" })
  reflectionPeriodUntil: string;

  @Category("TRAFFICKING")
  @Field(() => TraffickingCaseStatus)
  @Column({ type: "text" })
  status: TraffickingCaseStatus;

  @Category("TRAFFICKING")
  @Field(() => String, { nullable: true, description: "Region where the victim was identified, ISO 3166-2:AM." })
  @Column({ name: "identified_region", type: "text", nullable: true })
  identifiedRegion: string | null;

  @Category("TRAFFICKING")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
