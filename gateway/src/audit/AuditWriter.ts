/**
 * Appends audit events to the hash chain with group commit: events wait a few milliseconds (or
 * until a batch is full), then one transaction appends the batch (appendBatch.ts). A caller's
 * promise resolves only once its event is durable; if the store fails or does not answer within
 * its timeouts, every waiting caller is told (fail closed), and the next batch tries again.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { DatabaseError, Pool } from "pg";
import type { Logger } from "pino";
import { canonicalJson, type AuditEventContent } from "@hub/contracts";
import type { AuditKeys, PreparedEvent } from "./appendBatch";
import { commitBatch } from "./commitBatch";

export interface AuditWriterOptions {
  databaseUrl: string;
  poolSize: number;
  /** The hub's audit key (Ed25519 private JWK) signing checkpoints and the chain head, and the keys a head may carry. */
  keys: AuditKeys;
  flushMs: number;
  /** Events per transaction; 1 writes one transaction per event. */
  batchSize: number;
  /** Longest wait for a connection to the store (a new one, or a free one of the pool). */
  connectTimeoutMs: number;
  /** Longest wait for the chain lock, which another appender may hold. */
  lockTimeoutMs: number;
  /** Longest a statement may take, on the server and as the client sees it (a store that hangs). */
  statementTimeoutMs: number;
  log: Logger;
  /** Told after every batch, written or not (for metrics); must not throw. */
  onFlush?: (report: FlushReport) => void;
}

export interface FlushReport {
  durationMs: number;
  /** Events in the batch. */
  events: number;
  /** Time waiting for the chain lock (held by other gateway processes' appends), over the batch's transactions. */
  lockWaitMs: number;
  /** Of those, events now durable. */
  written: number;
}

interface Pending {
  event: PreparedEvent;
  state: "waiting" | "written" | "refused";
  resolve: () => void;
  reject: (error: Error) => void;
}

export class AuditUnavailableError extends Error {}

export class AuditWriter {
  private readonly pool: Pool;
  private queue: Pending[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;
  private lockWaitMs = 0;

  constructor(private readonly options: AuditWriterOptions) {
    this.pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize,
      connectionTimeoutMillis: options.connectTimeoutMs,
      // Client side: a network that forwards nothing never answers, so the client stops waiting
      // too. The server's own limits are set per transaction (commitBatch.ts).
      query_timeout: options.statementTimeoutMs,
      application_name: "hub-gateway-audit",
    });
    // An idle connection dropped by the server must not crash the gateway; the next flush reconnects.
    this.pool.on("error", (error) => options.log.warn({ err: error }, "audit database connection lost"));
  }

  /** Events accepted and not yet durable or refused (waiting or being written). */
  get queueDepth(): number {
    return this.queue.length + this.inFlight;
  }

  /** Resolves when the event is durable in the chain; rejects with AuditUnavailableError otherwise. */
  append(content: AuditEventContent): Promise<void> {
    if (this.stopped) return Promise.reject(new AuditUnavailableError("the audit writer is stopped"));
    let text: string;
    try {
      text = canonicalJson(content);
    } catch (error) {
      this.options.log.error({ err: error, requestId: content.requestId }, "audit event cannot be serialised");
      return Promise.reject(new AuditUnavailableError("the audit event cannot be serialised"));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ event: { content, text }, state: "waiting", resolve, reject });
      if (this.queue.length >= this.options.batchSize) this.schedule();
      else this.timer ??= setTimeout(() => this.schedule(), this.options.flushMs);
    });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // The chain must survive any failure of a flush, or every later append would wait forever.
    this.flushing = this.flushing
      .then(() => this.flush())
      .catch((error: unknown) => this.options.log.error({ err: error }, "audit flush failed"));
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.options.batchSize);
    if (batch.length === 0) return;
    this.inFlight = batch.length;
    this.lockWaitMs = 0;
    const started = performance.now();
    try {
      await this.writeBatch(batch);
    } finally {
      const failure = new AuditUnavailableError("the audit event was not written");
      for (const pending of batch) settle(pending, failure);
      this.inFlight = 0;
      const written = batch.filter((p) => p.state === "written").length;
      const durationMs = performance.now() - started;
      this.report({ durationMs, events: batch.length, written, lockWaitMs: this.lockWaitMs });
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      await this.transaction(batch.map((p) => p.event));
      for (const pending of batch) settle(pending);
    } catch (error) {
      if (batch.length > 1 && isDataError(error)) {
        // One event the store refuses (a value it cannot take) must not cost the others theirs:
        // write them one by one, so only that event's response is withheld.
        for (const [i, pending] of batch.entries()) {
          const storeFailure = await this.writeOne(pending);
          if (storeFailure) return this.refuseAll(batch.slice(i + 1), storeFailure);
        }
        return;
      }
      this.refuseAll(batch, error);
    }
  }

  /** The store failed: refuses these and the events already waiting, which would each wait out another timeout on it. */
  private refuseAll(batch: Pending[], error: unknown): void {
    const refused = [...batch, ...this.queue.splice(0)];
    this.options.log.error(
      { err: error, events: refused.length },
      "audit events could not be written; their responses are withheld",
    );
    const failure = new AuditUnavailableError((error as Error).message);
    for (const pending of refused) settle(pending, failure);
  }

  /** Writes one event; returns the error if the store, not the event, failed. */
  private async writeOne(pending: Pending): Promise<unknown> {
    try {
      await this.transaction([pending.event]);
      settle(pending);
      return undefined;
    } catch (error) {
      this.options.log.error(
        { err: error, requestId: pending.event.content.requestId },
        "audit event refused by the store",
      );
      settle(pending, new AuditUnavailableError((error as Error).message));
      return isDataError(error) ? undefined : error;
    }
  }

  private async transaction(events: PreparedEvent[]): Promise<void> {
    const { lockWaitMs } = await commitBatch(this.pool, events, this.options.keys, this.options, this.options.log);
    this.lockWaitMs += lockWaitMs;
  }

  private report(report: FlushReport): void {
    try {
      this.options.onFlush?.(report);
    } catch (error) {
      this.options.log.warn({ err: error }, "audit flush listener failed");
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

/** Resolves (no error) or rejects a caller once; later calls do nothing. */
function settle(pending: Pending, error?: Error): void {
  if (pending.state !== "waiting") return;
  pending.state = error ? "refused" : "written";
  if (error) pending.reject(error);
  else pending.resolve();
}

/** A PostgreSQL data or integrity error (SQLSTATE classes 22 and 23): the event, not the store, is at fault. */
const isDataError = (error: unknown) => error instanceof DatabaseError && /^2[23]/.test(error.code ?? "");
