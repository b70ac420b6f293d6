/** One batch of the audit writer in its own transaction, on a connection of the pool that is closed when its state is unknown. */
import { DatabaseError, type Pool } from "pg";
import type { Logger } from "pino";
import { appendBatch, ChainHeadError, type AppendReport, type AuditKeys, type PreparedEvent } from "./appendBatch";

export interface BatchTimeouts {
  lockTimeoutMs: number;
  statementTimeoutMs: number;
}

/**
 * Server-side limits for this transaction only (SET LOCAL), in the round trip of BEGIN: a pooler
 * or an embedded server may refuse or drop them as connection parameters, and a session shared
 * with others must keep its own. The idle limit ends a transaction whose gateway went silent, so it
 * cannot keep the chain lock from the others.
 */
const begin = ({ lockTimeoutMs, statementTimeoutMs }: BatchTimeouts) =>
  [
    "BEGIN",
    `SET LOCAL lock_timeout = ${Math.trunc(lockTimeoutMs)}`,
    `SET LOCAL statement_timeout = ${Math.trunc(statementTimeoutMs)}`,
    `SET LOCAL idle_in_transaction_session_timeout = ${Math.trunc(statementTimeoutMs)}`,
  ].join("; ");

export async function commitBatch(
  pool: Pool,
  events: PreparedEvent[],
  keys: AuditKeys,
  timeouts: BatchTimeouts,
  log: Logger,
): Promise<AppendReport> {
  const client = await pool.connect();
  // A checked-out client that loses its connection emits "error"; unheard, that would end the
  // process. The query in flight fails with it, which is what the batch answers.
  const onLost = (error: Error) => log.warn({ err: error }, "audit database connection lost");
  client.on("error", onLost);
  // A connection that timed out or broke mid-transaction is in an unknown state: it is closed
  // (the server rolls back), never handed to the next batch.
  let discard: Error | undefined;
  try {
    await client.query(begin(timeouts));
    const report = await appendBatch(client, events, keys);
    await client.query("COMMIT");
    return report;
  } catch (error) {
    discard = error instanceof Error ? error : new Error(String(error));
    // The server answered (a SQLSTATE), or the chain refused: the connection is in step and can roll back.
    if (error instanceof DatabaseError || error instanceof ChainHeadError) {
      discard = await client.query("ROLLBACK").then(
        () => undefined,
        (rollbackError: unknown) => (rollbackError instanceof Error ? rollbackError : discard),
      );
    }
    throw error;
  } finally {
    // A discarded client keeps the listener: it may still report its socket while it closes.
    if (!discard) client.removeListener("error", onLost);
    client.release(discard);
  }
}
