/**
 * A surveyed household: pseudonymised (a random code, no address), never served as such. No
 * GraphQL type exposes it; only weighted estimates over many households leave the subgraph.
 */
import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("survey_household")
export class SurveyHousehold {
  @PrimaryColumn({ type: "text" })
  id: string;

  @Column({ name: "survey_year", type: "integer" })
  surveyYear: number;

  @Column({ type: "text" })
  region: string;

  /** numeric(12,4), read as text so that no weight is rounded on the way. */
  @Column({ type: "numeric", precision: 12, scale: 4 })
  weight: string;

  @Column({ name: "interviewed_on", type: "date" })
  interviewedOn: string;

  @Column({ name: "receives_remittances", type: "boolean" })
  receivesRemittances: boolean;

  @Column({ name: "remittance_band", type: "text", nullable: true })
  remittanceBand: string | null;
}
