/**
 * Appends audit events to the hash chain with group commit: events wait a few milliseconds (or
 * until a batch is full), then one transaction takes the chain lock, extends the chain from its
 * head, inserts the batch and signs a checkpoint at every interval. A caller's promise resolves
 * only once its event is durable; if the store fails, every waiting caller is told (fail closed).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { JsonWebKey } from "node:crypto";
import { Pool } from "pg";
import type { Logger } from "pino";
import {
  AUDIT_CHAIN_LOCK,
  AUDIT_CHECKPOINT_TABLE,
  AUDIT_COLUMNS,
  AUDIT_HEAD_TABLE,
  AUDIT_TABLE,
  canonicalJson,
  chainHash,
  CHECKPOINT_INTERVAL,
  ruleIdsOf,
  signCheckpoint,
  type AuditEventContent,
} from "@hub/contracts";

export interface AuditWriterOptions {
  databaseUrl: string;
  poolSize: number;
  /** The hub's audit key (Ed25519 private JWK) signing checkpoints. */
  signingKey: JsonWebKey & { kid?: string };
  flushMs: number;
  batchSize: number;
  log: Logger;
  /** Told after every flush: how many events it wrote (or failed to), how long it took, whether they are durable. */
  onFlush?: (events: number, ms: number, ok: boolean) => void;
}

interface Pending {
  content: AuditEventContent;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class AuditUnavailableError extends Error {}

export class AuditWriter {
  private readonly pool: Pool;
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: AuditWriterOptions) {
    this.pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize,
      connectionTimeoutMillis: 2000,
    });
    // An idle connection dropped by the server must not crash the gateway; the next flush reconnects.
    this.pool.on("error", (error) => options.log.warn({ err: error }, "audit database connection lost"));
  }

  /** Resolves when the event is durable in the chain; rejects with AuditUnavailableError otherwise. */
  append(content: AuditEventContent): Promise<void> {
    if (this.stopped) return Promise.reject(new AuditUnavailableError("the audit writer is stopped"));
    return new Promise((resolve, reject) => {
      this.queue.push({ content, resolve, reject });
      if (this.queue.length >= this.options.batchSize) this.schedule();
      else this.timer ??= setTimeout(() => this.schedule(), this.options.flushMs);
    });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.flush());
  }

  /** Events waiting for their group commit. */
  get queueDepth(): number {
    return this.queue.length;
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.options.batchSize);
    if (batch.length === 0) return;
    const startedAt = performance.now();
    const flushed = (ok: boolean) => this.options.onFlush?.(batch.length, performance.now() - startedAt, ok);
    try {
      await this.write(batch.map((p) => p.content));
      flushed(true);
      batch.forEach((p) => p.resolve());
    } catch (error) {
      if (batch.length > 1 && isDataError(error)) {
        // One event the store refuses (a value it cannot take) must not cost the others theirs:
        // write them one by one, so only that event's response is withheld.
        for (const pending of batch) await this.writeOne(pending);
      } else {
        this.options.log.error(
          { err: error, events: batch.length },
          "audit events could not be written; their responses are withheld",
        );
        flushed(false);
        const failure = new AuditUnavailableError((error as Error).message);
        batch.forEach((p) => p.reject(failure));
      }
    }
    if (this.queue.length > 0) this.schedule();
  }

  private async writeOne(pending: Pending): Promise<void> {
    try {
      await this.write([pending.content]);
      pending.resolve();
    } catch (error) {
      this.options.log.error({ err: error, requestId: pending.content.requestId }, "audit event refused by the store");
      pending.reject(new AuditUnavailableError((error as Error).message));
    }
  }

  private async write(contents: AuditEventContent[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      // One chain across every gateway process: appends are serialised by this lock.
      await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
      const head = await client.query<{ seq: string; hash: string }>(
        `SELECT seq, hash FROM ${AUDIT_HEAD_TABLE} WHERE id = 1 FOR UPDATE`,
      );
      const row = head.rows[0];
      if (!row) throw new Error("the audit chain has no head row; run the audit subgraph's migrations");
      let seq = Number(row.seq);
      let prevHash = row.hash;
      const values: unknown[] = [];
      const tuples: string[] = [];
      const checkpoints: { seq: number; hash: string }[] = [];
      for (const content of contents) {
        seq += 1;
        const hash = chainHash(prevHash, seq, content);
        const record = [
          seq,
          content.id,
          content.occurredAt,
          canonicalJson(content),
          prevHash,
          hash,
          content.requestId,
          content.subject,
          content.agency,
          content.role,
          content.purpose,
          content.outcome,
          ruleIdsOf(content),
          content.disclosedPersonRefs,
          content.categories,
          content.releaseAfter,
        ];
        tuples.push(`(${record.map((v) => (values.push(v), `$${values.length}`)).join(", ")})`);
        if (seq % CHECKPOINT_INTERVAL === 0) checkpoints.push({ seq, hash });
        prevHash = hash;
      }
      await client.query(
        `INSERT INTO ${AUDIT_TABLE} (${AUDIT_COLUMNS.join(", ")}) VALUES ${tuples.join(", ")}`,
        values,
      );
      await client.query(`UPDATE ${AUDIT_HEAD_TABLE} SET seq = $1, hash = $2 WHERE id = 1`, [seq, prevHash]);
      for (const checkpoint of checkpoints) {
        const { keyId, signature } = signCheckpoint(this.options.signingKey, checkpoint.seq, checkpoint.hash);
        await client.query(
          `INSERT INTO ${AUDIT_CHECKPOINT_TABLE} (seq, hash, signed_at, key_id, signature) VALUES ($1, $2, now(), $3, $4)`,
          [checkpoint.seq, checkpoint.hash, keyId, signature],
        );
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Writes what is queued, then closes the pool (shutdown drains the buffer). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.schedule();
    await this.flushing;
    while (this.queue.length > 0) {
      this.schedule();
      await this.flushing;
    }
    await this.pool.end();
  }
}

export const newEventId = () => randomUUID();

/** A PostgreSQL data or integrity error (SQLSTATE classes 22 and 23): the event, not the store, is at fault. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}
