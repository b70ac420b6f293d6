/**
 * The alarm's suspensions in the audit database (R7-3), read on every request by every gateway:
 * a suspension one gateway makes, or the data-protection officer lifts through the audit
 * subgraph, holds for all at once, and survives restarts. The audit database must answer for any
 * data to leave anyway (R7-2), so reading suspensions there adds no store that can fail alone.
 */
import { Pool } from "pg";
import {
  CALLER_SUSPENSION_INSERT_SQL,
  CALLER_SUSPENSION_LATEST_SQL,
  type AuditSuspension,
  type CallerSuspensionLatestRow,
} from "@hub/contracts";

/** The latest suspension of a caller key: active, or lifted at a time from which counting starts again. */
export interface LatestSuspension {
  id: string;
  liftedAt: number | null;
}

export interface SuspensionStore {
  /** The latest suspension of each key that has one. Rejects when the store does not answer. */
  latest(keys: readonly string[]): Promise<Map<string, LatestSuspension>>;
  /** Records a suspension; false when the caller was already suspended (by another gateway). */
  insert(key: string, suspension: AuditSuspension, at: number, eventId: string): Promise<boolean>;
  stop(): Promise<void>;
}

export function pgSuspensionStore(databaseUrl: string, timeoutMs: number): SuspensionStore {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 4,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: "hub-gateway-alarm",
  });
  pool.on("error", () => undefined);
  return {
    async latest(keys) {
      const { rows } = await pool.query<CallerSuspensionLatestRow>(CALLER_SUSPENSION_LATEST_SQL, [[...keys]]);
      return new Map(rows.map((r) => [r.caller_key, { id: r.id, liftedAt: r.lifted_at?.getTime() ?? null }]));
    },
    async insert(key, suspension, at, eventId) {
      const { rows } = await pool.query(CALLER_SUSPENSION_INSERT_SQL, [
        suspension.suspensionId,
        key,
        suspension.scope,
        suspension.agency,
        suspension.subject,
        new Date(at),
        JSON.stringify(suspension),
        eventId,
      ]);
      return rows.length > 0;
    },
    async stop() {
      await pool.end().catch(() => undefined);
    },
  };
}
