/**
 * The audit writer's throughput on a scratch audit log: the hub's own events (copied from the run,
 * with fresh ids) appended by concurrent callers, with group commit (the gateway's default batch
 * and flush interval) and with one insert per event (batch size 1). It also checks the hub's log
 * for the answers of the measured rounds: every 2xx answer must have exactly one audit event.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pino } from "pino";
import { AUDIT_TABLE, type AuditEventContent } from "@hub/contracts";
import { AuditWriter, loadAuditConfig, loadAuditKeys } from "@hub/gateway";
import { withDatabase } from "@hub/local/dist/serverDatabases";

export interface AuditWriterRate {
  batchSize: number;
  flushMs: number;
  eventsPerSecond: number;
}

export interface AuditCompleteness {
  answered: number;
  /** 2xx answers with no audit event. */
  lost: number;
  /** 2xx answers with more than one. */
  duplicated: number;
}

export function checkAuditCompleteness(auditUrl: string, requestIds: readonly string[]): Promise<AuditCompleteness> {
  return withDatabase(auditUrl, async (db) => {
    const { rows } = await db.query<{ events: string; n: string }>(
      `SELECT events, count(*) AS n FROM (
         SELECT r.id, count(e.request_id) AS events
         FROM unnest($1::text[]) AS r(id) LEFT JOIN ${AUDIT_TABLE} e ON e.request_id = r.id
         GROUP BY r.id
       ) per_request GROUP BY events`,
      [[...new Set(requestIds)]],
    );
    const count = (match: (events: number) => boolean) =>
      rows.filter((r) => match(Number(r.events))).reduce((n, r) => n + Number(r.n), 0);
    return { answered: requestIds.length, lost: count((e) => e === 0), duplicated: count((e) => e > 1) };
  });
}

/** The hub's own events of the run, to append again: real sizes and shapes, never made up. */
export function sampleEvents(auditUrl: string, limit: number): Promise<AuditEventContent[]> {
  return withDatabase(auditUrl, async (db) => {
    const { rows } = await db.query<{ content: string }>(
      `SELECT content FROM ${AUDIT_TABLE} ORDER BY seq DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => JSON.parse(r.content) as AuditEventContent);
  });
}

async function appendRate(
  writer: AuditWriter,
  events: readonly AuditEventContent[],
  count: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  const caller = async () => {
    while (next < count) {
      const template = events[next % events.length] as AuditEventContent;
      next += 1;
      await writer.append({ ...template, id: randomUUID(), requestId: randomUUID() });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

export async function measureAuditWriter(options: {
  hubAuditUrl: string;
  scratchUrl: string;
  keysDir: string;
  stateDir: string;
  events: number;
  concurrency: number;
}): Promise<AuditWriterRate[]> {
  const events = await sampleEvents(options.hubAuditUrl, 200);
  if (events.length === 0) throw new Error("the hub wrote no audit events to copy");
  const defaults = loadAuditConfig({ HUB_STATE_DIR: options.stateDir });
  const keys = loadAuditKeys(
    path.join(options.keysDir, "audit.private.jwk.json"),
    path.join(options.keysDir, "audit.jwks.json"),
  );
  const log = pino({ level: "silent" });
  const rates: AuditWriterRate[] = [];
  for (const { batchSize, flushMs } of [{ batchSize: 1, flushMs: 0 }, defaults]) {
    const writer = new AuditWriter({
      ...defaults,
      databaseUrl: options.scratchUrl,
      keys,
      flushMs,
      batchSize,
      log,
    });
    try {
      await appendRate(writer, events, Math.min(200, options.events), options.concurrency); // warm-up
      const eventsPerSecond = await appendRate(writer, events, options.events, options.concurrency);
      rates.push({ batchSize, flushMs, eventsPerSecond });
    } finally {
      await writer.stop();
    }
  }
  return rates;
}
