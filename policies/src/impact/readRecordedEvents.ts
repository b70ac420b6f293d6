/**
 * The recorded events of a time window, read from the audit store in batches (by chain position,
 * so a batch never skips or repeats an event) within one read-only snapshot, so that the events a
 * gateway appends meanwhile neither appear halfway nor shift a batch.
 */
import { Client } from "pg";
import { AUDIT_TABLE, type AuditEventContent } from "@hub/contracts";
import type { ImpactConfig } from "./loadImpactConfig";

export interface RecordedWindow {
  since: Date;
  until: Date;
  batchSize?: number;
}

/** A row whose content is not an audit event with decisions is kept as its id alone. */
export type RecordedEvent = { event: AuditEventContent } | { unreadable: string };

/** Only outcomes whose events can hold decided selections: a refusal before the decide stage holds none. */
const DECIDED_OUTCOMES = ["ALLOWED", "PARTIAL", "DENIED", "FAILED"];

function parse(id: string, content: string): RecordedEvent {
  try {
    const event = JSON.parse(content) as AuditEventContent;
    const ok =
      typeof event === "object" &&
      event !== null &&
      event.id === id &&
      typeof event.occurredAt === "string" &&
      Array.isArray(event.fieldsAllowed) &&
      Array.isArray(event.fieldsDenied);
    return ok ? { event } : { unreadable: id };
  } catch {
    return { unreadable: id };
  }
}

export async function* readRecordedEvents(
  config: ImpactConfig,
  { since, until, batchSize = 500 }: RecordedWindow,
): AsyncGenerator<RecordedEvent[]> {
  const db = new Client({
    connectionString: config.auditDatabaseUrl,
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
  });
  try {
    await db.connect();
  } catch (error) {
    throw new Error(`Cannot connect to the audit database (AUDIT_DATABASE_URL): ${(error as Error).message}`);
  }
  try {
    await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    let after = 0;
    for (;;) {
      const { rows } = await db.query<{ seq: string; id: string; content: string }>(
        `SELECT seq, id, content FROM ${AUDIT_TABLE}
          WHERE occurred_at >= $1 AND occurred_at < $2 AND seq > $3 AND outcome = ANY($4::text[])
          ORDER BY seq LIMIT $5`,
        [since, until, after, DECIDED_OUTCOMES, batchSize],
      );
      if (rows.length === 0) break;
      yield rows.map((r) => parse(r.id, r.content));
      after = Number(rows[rows.length - 1]?.seq ?? after);
      if (rows.length < batchSize) break;
    }
    await db.query("COMMIT");
  } finally {
    await db.end();
  }
}
