/**
 * One writer of the chain-ceiling measurement, run as its own process like a gateway replica: an
 * AuditWriter with the gateway's defaults appends copies of the hub's events, `concurrency`
 * callers at a time, from a common start time to a common end time, and prints one JSON line:
 * the events made durable in that window, their append latencies and the batches they went in.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { z } from "zod";
import type { AuditEventContent } from "@hub/contracts";
import { AuditWriter, loadAuditConfig, loadAuditKeys } from "@hub/gateway";
import { percentiles } from "./statistics";

const jobSchema = z.object({
  databaseUrl: z.string().min(1),
  keysDir: z.string().min(1),
  stateDir: z.string().min(1),
  eventsFile: z.string().min(1),
  concurrency: z.number().int().min(1).max(1000),
  /** Epoch milliseconds: every writer of a round starts and stops counting at the same instants. */
  startAt: z.number(),
  endAt: z.number(),
});
export type FloodJob = z.infer<typeof jobSchema>;

export interface FloodResult {
  /** Appends that resolved (durable) between startAt and endAt. */
  written: number;
  /** Appends refused (the store failed or timed out): a measurement with any is not a ceiling. */
  refused: number;
  p50: number;
  p99: number;
  /** Mean events per transaction in the window. */
  meanBatch: number;
}

async function flood(job: FloodJob): Promise<FloodResult> {
  const events = JSON.parse(readFileSync(job.eventsFile, "utf8")) as AuditEventContent[];
  if (events.length === 0) throw new Error(`no events to append in ${job.eventsFile}`);
  const defaults = loadAuditConfig({ HUB_STATE_DIR: job.stateDir });
  const keys = loadAuditKeys(
    path.join(job.keysDir, "audit.private.jwk.json"),
    path.join(job.keysDir, "audit.jwks.json"),
  );
  const batches: number[] = [];
  const inWindow = () => Date.now() >= job.startAt && Date.now() < job.endAt;
  const writer = new AuditWriter({
    ...defaults,
    databaseUrl: job.databaseUrl,
    keys,
    log: pino({ level: "silent" }),
    onFlush: (report) => {
      if (inWindow()) batches.push(report.events);
    },
  });
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const caller = async () => {
    while (Date.now() < job.endAt) {
      const template = events[next % events.length] as AuditEventContent;
      next += 1;
      const started = performance.now();
      try {
        await writer.append({ ...template, id: randomUUID(), requestId: randomUUID() });
        if (inWindow()) latencies.push(performance.now() - started);
      } catch {
        refused += 1;
      }
    }
  };
  try {
    // Connections opened and the chain's head read before the window opens.
    await writer.append({ ...(events[0] as AuditEventContent), id: randomUUID(), requestId: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())));
    await Promise.all(Array.from({ length: job.concurrency }, caller));
  } finally {
    await writer.stop();
  }
  const p = percentiles(latencies, [50, 99]);
  const meanBatch = batches.length === 0 ? Number.NaN : batches.reduce((a, b) => a + b, 0) / batches.length;
  return { written: latencies.length, refused, p50: p[50], p99: p[99], meanBatch };
}

const job = jobSchema.parse(JSON.parse(process.argv[2] ?? "null"));
flood(job).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`audit flood failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
