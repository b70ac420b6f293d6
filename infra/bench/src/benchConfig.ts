/**
 * `npm run bench -- [options]`: the benchmark's settings, read once from its arguments and the
 * environment (DATABASE_URL: the PostgreSQL server to create its databases on).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { defaultAdminUrl } from "@hub/local/dist/serverDatabases";

export const repoRoot = path.resolve(__dirname, "../../..");

/** The synthetic world's seed: every run measures the same data. */
export const BENCH_SEED = 20261201;

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  persons: whole(200, 100_000).default(1000),
  rounds: whole(1, 20).default(3),
  duration: whole(2, 120).default(8),
  warmup: whole(1, 60).default(3),
  connections: whole(1, 200).default(10),
  "decision-samples": whole(100, 1_000_000).default(20_000),
  "audit-events": whole(100, 100_000).default(2000),
  "profile-seconds": whole(0, 120).default(10),
  out: z.string().min(1).default(path.join(repoRoot, "BENCHMARKS.md")),
  only: z.enum(["chain-ceiling"]).optional(),
});

export interface BenchConfig {
  persons: number;
  seed: number;
  /** Measured rounds per gateway and query; the report gives their median. */
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  decisionSamples: number;
  auditEvents: number;
  /** Seconds of load on a profiled hub gateway; 0 skips the profile. */
  profileSeconds: number;
  outFile: string;
  /** Measure one section only (its report alone is written): `chain-ceiling`. */
  only: "chain-ceiling" | undefined;
  outputDir: string;
  adminUrl: string;
  /** PATH for the processes the benchmark starts (nothing else of its environment is passed on). */
  path: string | undefined;
  /** The command line as it was given, for the report. */
  command: string;
}

export function loadBenchConfig(argv: string[], env: NodeJS.ProcessEnv): BenchConfig {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.keys(schema.shape).map((k) => [k, { type: "string" as const }])),
    strict: true,
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid option --${String(issue?.path[0])}: ${issue?.message}`);
  }
  const c = parsed.data;
  return {
    persons: c.persons,
    seed: BENCH_SEED,
    rounds: c.rounds,
    durationSeconds: c.duration,
    warmupSeconds: c.warmup,
    connections: c.connections,
    decisionSamples: c["decision-samples"],
    auditEvents: c["audit-events"],
    profileSeconds: c["profile-seconds"],
    outFile: path.resolve(c.out),
    only: c.only,
    outputDir: path.join(repoRoot, "infra", "bench", "output"),
    adminUrl: defaultAdminUrl(env),
    path: env.PATH,
    command: ["npm run bench", ...(argv.length > 0 ? ["--", ...argv] : [])].join(" "),
  };
}
