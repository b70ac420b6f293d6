/** A surveyed member's spell abroad of three months or more; the latest may still be going on. Never served. */
import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("survey_episode")
export class SurveyEpisode {
  @PrimaryColumn({ name: "member_id", type: "text" })
  memberId: string;

  /** 1 for the member's first spell abroad. */
  @PrimaryColumn({ type: "integer" })
  sequence: number;

  @Column({ type: "text" })
  destination: string;

  @Column({ name: "departure_year", type: "integer" })
  departureYear: number;

  /** Null: still abroad at the interview. */
  @Column({ name: "return_year", type: "integer", nullable: true })
  returnYear: number | null;

  @Column({ type: "text" })
  reason: string;
}
