/**
 * Replays one stored audit event: its content checked against its hash, its policy version
 * rebuilt from the audit database, and every recorded selection re-decided under it (redecide).
 */
import type { DataSource } from "typeorm";
import { chainHashOfText, type AuditEventContent } from "@hub/contracts";
import { redecide, type ReplayReport } from "@hub/policies";
import type { AuditEventRecord } from "../AuditEventRecord.entity";
import { recordedDecisionPoint } from "./recordedDecisionPoints";

export type ReplayOutcome =
  | { kind: "replayed"; seq: number; recordIntact: boolean; report: ReplayReport }
  | { kind: "unresolved"; seq: number; recordIntact: boolean; eventId: string; policyVersion: string; reason: string };

export async function replayEvent(db: DataSource, row: AuditEventRecord): Promise<ReplayOutcome> {
  // An altered record replays as what it now says; whether it is still what was written is told apart.
  const recordIntact = chainHashOfText(row.prevHash, row.seq, row.content) === row.hash;
  let event: AuditEventContent;
  try {
    event = JSON.parse(row.content) as AuditEventContent;
  } catch {
    return unresolved(row, recordIntact, "", "the stored content is not JSON");
  }
  const version = typeof event.policyVersion === "string" ? event.policyVersion : "";
  const found = await recordedDecisionPoint(db, version);
  if ("unresolved" in found) return unresolved(row, recordIntact, version, found.unresolved);
  return { kind: "replayed", seq: row.seq, recordIntact, report: redecide(event, found.pdp) };
}

const unresolved = (row: AuditEventRecord, recordIntact: boolean, policyVersion: string, reason: string) =>
  ({ kind: "unresolved", seq: row.seq, recordIntact, eventId: row.id, policyVersion, reason }) as const;
