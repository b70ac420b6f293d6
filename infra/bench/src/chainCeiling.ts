/**
 * The audit chain's ceiling: one hash chain, extended under one lock, is what every gateway
 * replica writes to. Measured two ways in one run: (1) audit events per second with 1, 2 and 4
 * writer processes (each an AuditWriter with the gateway's defaults) flooding one PostgreSQL
 * server, and the chain verified afterwards; (2) the hub's answers per second with 1, 2 and 4
 * gateway processes on the same subgraphs and audit store, each driven by its own load process.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { AuditEventContent } from "@hub/contracts";
import { AGENCY_PROCESSES } from "@hub/local/dist/layout";
import type { BenchConfig } from "./benchConfig";
import type { FloodJob, FloodResult } from "./auditFlood";
import { withDatabase } from "@hub/local/dist/serverDatabases";
import { median } from "./statistics";
import { bodyOf, runLoad, type Gateway } from "./throughput";
import type { MixQuery } from "./mix";

export const WRITER_COUNTS = [1, 2, 4] as const;

export interface WriterMeasurement {
  writers: number;
  /** Durable events per second of all writers together, per round. */
  rounds: number[];
  eventsPerSecond: number;
  /** Append latency (a request's wait for its audit event to be durable), medians of the rounds. */
  p50: number;
  p99: number;
  meanBatch: number;
  refused: number;
  /** Of the writers' time in the window, the share spent waiting for the chain lock (sampled from pg_stat_activity). */
  lockWaitShare: number;
}

export interface ReplicaMeasurement {
  gateways: number;
  /** 2xx answers per second of all gateways together, per round. */
  rounds: number[];
  rps: number;
  incomplete: number;
}

export interface ChainCeiling {
  concurrency: number;
  writers: WriterMeasurement[];
  /** "audit chain valid: N events, M checkpoints" of the scratch log after the flood. */
  verification: string;
  query: MixQuery;
  replicas: ReplicaMeasurement[];
}

function runFlood(job: FloodJob): Promise<FloodResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, "auditFlood.js"), JSON.stringify(job)],
      { maxBuffer: 64 * 1024 * 1024, timeout: job.endAt - Date.now() + 60_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`audit flood process failed: ${stderr.trim() || error.message}`));
        resolve(JSON.parse(stdout) as FloodResult);
      },
    );
  });
}

/**
 * Samples the audit writers' connections every 20 ms during [startAt, endAt): the mean number
 * waiting on a lock (the chain lock, the head row: the writers take no other), per writer.
 */
function sampleLockWaits(url: string, writers: number, startAt: number, endAt: number): Promise<number> {
  return withDatabase(url, async (db) => {
    let waiting = 0;
    let samples = 0;
    while (Date.now() < endAt) {
      if (Date.now() >= startAt) {
        const { rows } = await db.query<{ waiting: string }>(
          `SELECT count(*) AS waiting FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'hub-gateway-audit'
             AND wait_event_type = 'Lock'`,
        );
        waiting += Number(rows[0]?.waiting ?? 0);
        samples += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return samples === 0 ? Number.NaN : waiting / samples / writers;
  });
}

/** Writers start together once every process has started and opened its connections. */
const START_DELAY_MS = 5000;

export async function measureWriters(options: {
  events: readonly AuditEventContent[];
  scratchUrl: string;
  keysDir: string;
  stateDir: string;
  concurrency: number;
  config: BenchConfig;
  say: (line: string) => void;
}): Promise<{ writers: WriterMeasurement[]; verification: string }> {
  const eventsFile = path.join(options.config.outputDir, "audit-flood-events.json");
  writeFileSync(eventsFile, JSON.stringify(options.events));
  const byCount = new Map<number, { results: FloodResult[]; lockWaitShare: number }[]>(
    WRITER_COUNTS.map((n) => [n, []]),
  );
  const round = async (writers: number, seconds: number) => {
    const startAt = Date.now() + START_DELAY_MS;
    const job: FloodJob = {
      databaseUrl: options.scratchUrl,
      keysDir: options.keysDir,
      stateDir: options.stateDir,
      eventsFile,
      concurrency: options.concurrency,
      startAt,
      endAt: startAt + seconds * 1000,
    };
    const [results, lockWaitShare] = await Promise.all([
      Promise.all(Array.from({ length: writers }, () => runFlood(job))),
      sampleLockWaits(options.scratchUrl, writers, job.startAt, job.endAt),
    ]);
    return { results, lockWaitShare };
  };
  await round(1, options.config.warmupSeconds);
  for (let i = 0; i < options.config.rounds; i += 1) {
    for (const writers of WRITER_COUNTS) {
      const measured = await round(writers, options.config.durationSeconds);
      byCount.get(writers)?.push(measured);
      const { results } = measured;
      const rate = results.reduce((n, r) => n + r.written, 0) / options.config.durationSeconds;
      options.say(`  ${writers} audit writer(s) round ${i + 1}: ${rate.toFixed(0)} events/s`);
    }
  }
  const writers = WRITER_COUNTS.map((count): WriterMeasurement => {
    const measured = byCount.get(count) ?? [];
    const all = measured.flatMap((m) => m.results);
    const rates = measured.map((m) => m.results.reduce((n, w) => n + w.written, 0) / options.config.durationSeconds);
    return {
      writers: count,
      rounds: rates,
      eventsPerSecond: median(rates),
      lockWaitShare: median(measured.map((m) => m.lockWaitShare)),
      p50: median(all.map((r) => r.p50)),
      p99: median(all.map((r) => r.p99)),
      meanBatch: median(all.map((r) => r.meanBatch)),
      refused: all.reduce((n, r) => n + r.refused, 0),
    };
  });
  return {
    writers,
    verification: await verifyScratchLog(options.scratchUrl, options.keysDir, options.stateDir, options.config.path),
  };
}

/** The audit subgraph's own verifier over the scratch log: concurrent writers must leave one intact chain. */
async function verifyScratchLog(
  scratchUrl: string,
  keysDir: string,
  stateDir: string,
  pathVariable: string | undefined,
): Promise<string> {
  const audit = AGENCY_PROCESSES.find((a) => a.name === "audit");
  if (!audit) throw new Error("no audit subgraph");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [audit.entry, "verify"],
      {
        env: {
          PATH: pathVariable,
          HUB_STATE_DIR: stateDir,
          [audit.databaseUrlVariable]: scratchUrl,
          AUDIT_JWKS: path.join(keysDir, "audit.jwks.json"),
        },
        timeout: 600_000,
      },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`the scratch log does not verify: ${stdout.trim()} ${stderr.trim()}`));
        resolve(stdout.trim());
      },
    );
  });
}

export async function measureReplicas(options: {
  query: MixQuery;
  gateways: readonly Gateway[];
  config: BenchConfig;
  say: (line: string) => void;
}): Promise<{ replicas: ReplicaMeasurement[]; requestIds: string[] }> {
  const { query, config } = options;
  const requestIds: string[] = [];
  const round = async (count: number, seconds: number, keep: boolean) => {
    const results = await Promise.all(
      options.gateways.slice(0, count).map((g) =>
        runLoad({
          url: g.url,
          headers: g.headersFor(query),
          body: bodyOf(query),
          connections: config.connections,
          durationSeconds: seconds,
          collectRequestIds: keep,
        }),
      ),
    );
    if (keep) for (const r of results) requestIds.push(...r.requestIds);
    return results;
  };
  await round(options.gateways.length, config.warmupSeconds, false);
  const byCount = new Map<number, Awaited<ReturnType<typeof round>>[]>(WRITER_COUNTS.map((n) => [n, []]));
  for (let i = 0; i < config.rounds; i += 1) {
    for (const count of WRITER_COUNTS) {
      const results = await round(count, config.durationSeconds, true);
      byCount.get(count)?.push(results);
      const rps = results.reduce((n, r) => n + r.rps, 0);
      options.say(`  ${count} hub gateway(s) round ${i + 1}: ${rps.toFixed(0)} rps`);
    }
  }
  const replicas = WRITER_COUNTS.map((count): ReplicaMeasurement => {
    const rounds = (byCount.get(count) ?? []).map((r) => r.reduce((n, g) => n + g.rps, 0));
    const incomplete = (byCount.get(count) ?? []).flat().reduce((n, r) => n + r.non2xx + r.errors + r.withErrors, 0);
    return { gateways: count, rounds, rps: median(rounds), incomplete };
  });
  return { replicas, requestIds };
}
