/** A member of a surveyed household (pseudonymised: a random code, sex and age in years, no name). Never served. */
import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("survey_member")
export class SurveyMember {
  @PrimaryColumn({ type: "text" })
  id: string;

  @Column({ name: "household_id", type: "text" })
  householdId: string;

  @Column({ name: "line_number", type: "integer" })
  lineNumber: number;

  @Column({ type: "text" })
  relationship: string;

  @Column({ type: "text" })
  sex: string;

  @Column({ type: "integer" })
  age: number;

  /** Only for a member abroad at the interview. */
  @Column({ name: "intends_to_return", type: "text", nullable: true })
  intendsToReturn: string | null;
}
