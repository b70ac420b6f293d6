/**
 * Throughput and latency of the bare gateway against the hub on each query of the mix: one
 * warm-up each, then rounds alternating bare, hub, bare, hub..., each round driven from its own
 * load process; a row reports the medians of the rounds and their ratios.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import type { BenchConfig } from "./benchConfig";
import type { LoadJob, LoadResult } from "./driveLoad";
import type { MixQuery } from "./mix";
import { median, ratio } from "./statistics";

export type GatewayKind = "bare" | "hub";

export interface Gateway {
  kind: GatewayKind;
  url: string;
  headersFor: (query: MixQuery) => Record<string, string>;
}

export interface Summary {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface QueryMeasurement {
  query: MixQuery;
  rounds: Record<GatewayKind, LoadResult[]>;
  bare: Summary;
  hub: Summary;
  rpsRatio: number;
  addedP50: number;
  addedP95: number;
  /** Answers that were not a full 200 answer (non-2xx, GraphQL errors, connection errors), both gateways. */
  incomplete: number;
}

/** Request ids of every 2xx answer of the hub, for the audit check. */
export interface ThroughputResult {
  measurements: QueryMeasurement[];
  hubRequestIds: string[];
}

export const bodyOf = (q: MixQuery) => JSON.stringify({ query: q.query, variables: q.variables ?? {} });

export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, "driveLoad.js"), JSON.stringify(job)],
      { maxBuffer: 256 * 1024 * 1024, timeout: (job.durationSeconds + 60) * 1000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`load process failed: ${stderr.trim() || error.message}`));
        resolve(JSON.parse(stdout) as LoadResult);
      },
    );
  });
}

const summarise = (rounds: readonly LoadResult[]): Summary => ({
  rps: median(rounds.map((r) => r.rps)),
  p50: median(rounds.map((r) => r.p50)),
  p95: median(rounds.map((r) => r.p95)),
  p99: median(rounds.map((r) => r.p99)),
});

const incompleteOf = (r: LoadResult) => r.non2xx + r.errors + r.withErrors;

export async function measureThroughput(
  mix: readonly MixQuery[],
  gateways: Record<GatewayKind, Gateway>,
  config: BenchConfig,
  say: (line: string) => void,
): Promise<ThroughputResult> {
  const hubRequestIds: string[] = [];
  const measurements: QueryMeasurement[] = [];
  const round = async (query: MixQuery, kind: GatewayKind, seconds: number) => {
    const gateway = gateways[kind];
    const result = await runLoad({
      url: gateway.url,
      headers: gateway.headersFor(query),
      body: bodyOf(query),
      connections: config.connections,
      durationSeconds: seconds,
      collectRequestIds: kind === "hub",
    });
    if (kind === "hub") hubRequestIds.push(...result.requestIds);
    return result;
  };
  for (const query of mix) {
    await round(query, "bare", config.warmupSeconds);
    await round(query, "hub", config.warmupSeconds);
    const rounds: Record<GatewayKind, LoadResult[]> = { bare: [], hub: [] };
    for (let i = 0; i < config.rounds; i += 1) {
      for (const kind of ["bare", "hub"] as const) {
        const result = await round(query, kind, config.durationSeconds);
        rounds[kind].push(result);
        say(`  ${query.name} ${kind} round ${i + 1}: ${result.rps.toFixed(0)} rps, p95 ${result.p95.toFixed(1)} ms`);
      }
    }
    const bare = summarise(rounds.bare);
    const hub = summarise(rounds.hub);
    measurements.push({
      query,
      rounds,
      bare,
      hub,
      rpsRatio: ratio(hub.rps, bare.rps),
      addedP50: hub.p50 - bare.p50,
      addedP95: hub.p95 - bare.p95,
      incomplete: [...rounds.bare, ...rounds.hub].reduce((n, r) => n + incompleteOf(r), 0),
    });
  }
  return { measurements, hubRequestIds };
}

/** Target: added p95 at most 5 ms or a tenth of the bare gateway's p95, whichever is larger. */
export const addedP95Allowance = (bareP95: number) => Math.max(5, 0.1 * bareP95);
export const RPS_RATIO_TARGET = 0.95;
