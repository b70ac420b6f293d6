/** One run of the profile pull: which template and year, when, what it stored, and the gateway requests it made. */
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity("profile_pull")
export class ProfilePull {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" })
  id: number;

  @Column({ name: "template_id" })
  templateId: string;

  @Column({ type: "integer" })
  year: number;

  @Column({ name: "pulled_at", type: "timestamptz" })
  pulledAt: Date;

  @Column({ type: "integer" })
  indicators: number;

  @Column({ type: "integer" })
  cells: number;

  /** The gateway's request id of each table asked for: the audit records of the pull. */
  @Column({ name: "request_ids", type: "text", array: true })
  requestIds: string[];
}
