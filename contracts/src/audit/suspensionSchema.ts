/**
 * The table of suspensions by the anomaly alarm (R7-3), in the audit database beside the log: the
 * gateways insert a suspension and read it on every request; the audit subgraph lists them and
 * lifts one at the data-protection officer's request. One table every gateway reads, so that a
 * suspension made by one gateway, or lifted through the audit subgraph, holds for all at once.
 */
import type { AuditSuspension, SuspensionScope } from "./AuditSuspension";

export const CALLER_SUSPENSION_TABLE = "caller_suspension";

/** At most one active suspension per caller (`caller_key`); a lifted one stays as history. */
export const CALLER_SUSPENSION_DDL = [
  `CREATE TABLE ${CALLER_SUSPENSION_TABLE} (
    id uuid PRIMARY KEY,
    caller_key text NOT NULL,
    scope text NOT NULL CHECK (scope IN ('SUBJECT', 'AGENCY')),
    agency text NOT NULL,
    subject text,
    suspended_at timestamptz NOT NULL,
    evidence jsonb NOT NULL,
    event_id uuid NOT NULL,
    lifted_at timestamptz,
    lifted_by text,
    lift_reason text,
    lift_request_id text,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
  )`,
  `CREATE UNIQUE INDEX ${CALLER_SUSPENSION_TABLE}_active ON ${CALLER_SUSPENSION_TABLE} (caller_key) WHERE lifted_at IS NULL`,
  `CREATE INDEX ${CALLER_SUSPENSION_TABLE}_latest ON ${CALLER_SUSPENSION_TABLE} (caller_key, suspended_at DESC)`,
];

/** The key of a caller's suspensions: one subject within its agency, or the whole agency. */
export function suspensionKey(scope: SuspensionScope, agency: string, subject: string | null): string {
  return scope === "AGENCY" ? `AGENCY:${agency}` : `SUBJECT:${agency}:${subject ?? ""}`;
}

/**
 * Records a suspension: $1 id, $2 caller key, $3 scope, $4 agency, $5 subject (or null), $6 when,
 * $7 the evidence (AuditSuspension as JSON), $8 its audit event's id. A caller already suspended
 * keeps its suspension: the statement returns a row only when the suspension is new.
 */
export const CALLER_SUSPENSION_INSERT_SQL = `INSERT INTO ${CALLER_SUSPENSION_TABLE}
  (id, caller_key, scope, agency, subject, suspended_at, evidence, event_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (caller_key) WHERE lifted_at IS NULL DO NOTHING RETURNING id`;

/** The latest suspension of each caller key in $1 (a text[]): active when `lifted_at` is null. */
export const CALLER_SUSPENSION_LATEST_SQL = `SELECT DISTINCT ON (caller_key) caller_key, id, scope, lifted_at
  FROM ${CALLER_SUSPENSION_TABLE} WHERE caller_key = ANY($1::text[]) ORDER BY caller_key, suspended_at DESC`;

/** A row of CALLER_SUSPENSION_LATEST_SQL as pg returns it. */
export interface CallerSuspensionLatestRow {
  caller_key: string;
  id: string;
  scope: SuspensionScope;
  lifted_at: Date | null;
}

const COLUMNS = `id, scope, agency, subject, suspended_at, evidence, event_id, lifted_at, lifted_by, lift_reason, lift_request_id`;

/** Suspensions newest first: $1 true for the active ones only, $2 how many. */
export const CALLER_SUSPENSION_LIST_SQL = `SELECT ${COLUMNS} FROM ${CALLER_SUSPENSION_TABLE}
  WHERE ($1::boolean IS NOT TRUE OR lifted_at IS NULL) ORDER BY suspended_at DESC LIMIT $2`;

/**
 * Lifts an active suspension: $1 id, $2 when, $3 who, $4 why, $5 the request id of the lift (its
 * audit event's). Returns the row only when it was active.
 */
export const CALLER_SUSPENSION_LIFT_SQL = `UPDATE ${CALLER_SUSPENSION_TABLE}
  SET lifted_at = $2, lifted_by = $3, lift_reason = $4, lift_request_id = $5
  WHERE id = $1 AND lifted_at IS NULL RETURNING ${COLUMNS}`;

/** One suspension by id. */
export const CALLER_SUSPENSION_BY_ID_SQL = `SELECT ${COLUMNS} FROM ${CALLER_SUSPENSION_TABLE} WHERE id = $1`;

/** A row of the list, lift and by-id statements as pg returns it. */
export interface CallerSuspensionRow {
  id: string;
  scope: SuspensionScope;
  agency: string;
  subject: string | null;
  suspended_at: Date;
  evidence: AuditSuspension;
  event_id: string;
  lifted_at: Date | null;
  lifted_by: string | null;
  lift_reason: string | null;
  lift_request_id: string | null;
}
