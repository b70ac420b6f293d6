/**
 * A stored row of the audit log. `content` is the event exactly as hashed; the other columns repeat
 * parts of it so that searches use indexes, and verification checks that they still agree.
 */
import { Column, Entity, PrimaryColumn, type ValueTransformer } from "typeorm";

/** bigint columns arrive from pg as strings; chain positions stay far below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity("audit_event")
export class AuditEventRecord {
  @PrimaryColumn({ type: "bigint", transformer: bigintAsNumber })
  seq: number;

  @PrimaryColumn({ name: "occurred_at", type: "timestamptz" })
  occurredAt: Date;

  @Column({ type: "uuid" })
  id: string;

  @Column({ type: "text" })
  content: string;

  @Column({ name: "prev_hash", type: "char", length: 64 })
  prevHash: string;

  @Column({ type: "char", length: 64 })
  hash: string;

  @Column({ name: "request_id", type: "text" })
  requestId: string;

  @Column({ type: "text", nullable: true })
  subject: string | null;

  @Column({ type: "text", nullable: true })
  agency: string | null;

  @Column({ type: "text", nullable: true })
  role: string | null;

  @Column({ type: "text", nullable: true })
  purpose: string | null;

  @Column({ type: "text" })
  outcome: string;

  @Column({ name: "rule_ids", type: "text", array: true })
  ruleIds: string[];

  @Column({ name: "person_refs", type: "text", array: true })
  personRefs: string[];

  @Column({ type: "text", array: true })
  categories: string[];

  /** YYYY-MM-DD */
  @Column({ name: "release_after", type: "date", nullable: true })
  releaseAfter: string | null;

  @Column({ type: "text", nullable: true })
  issuer: string | null;

  @Column({ name: "client_id", type: "text", nullable: true })
  clientId: string | null;

  @Column({ name: "auth_reason", type: "text", nullable: true })
  authReason: string | null;
}
