/**
 * The load generator, run as its own process so that it never shares an event loop with what it
 * measures: autocannon drives one request body at one gateway for a fixed time and prints one JSON
 * line with the round's throughput, latency percentiles and what the answers were.
 */
import autocannon from "autocannon";
import { z } from "zod";
import { percentiles } from "./statistics";

const jobSchema = z.object({
  url: z.string().url(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  connections: z.number().int().min(1).max(1000),
  durationSeconds: z.number().min(1).max(600),
  /** Keep the x-request-id of every 2xx answer (the hub's), to find each one's audit event. */
  collectRequestIds: z.boolean(),
});
export type LoadJob = z.infer<typeof jobSchema>;

export interface LoadResult {
  durationSeconds: number;
  /** 2xx answers per second. */
  rps: number;
  /** Latency of 2xx answers, milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** 2xx answers whose body carries GraphQL errors (a refusal or a failure, not a full answer). */
  withErrors: number;
  requestIds: string[];
}

async function drive(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  const requestIds: string[] = [];
  let withErrors = 0;
  const options: autocannon.Options = {
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    requests: [
      {
        method: "POST",
        headers: job.headers,
        body: job.body,
        onResponse: (status, body, _context, headers) => {
          if (status < 200 || status > 299) return;
          if (body.includes('"errors"')) withErrors += 1;
          const id = headers?.["x-request-id"];
          if (job.collectRequestIds && typeof id === "string") requestIds.push(id);
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    // The run's own emitter names the client first (autocannon lib/run.js), unlike its typings.
    (instance as NodeJS.EventEmitter).on(
      "response",
      (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (statusCode >= 200 && statusCode <= 299) latencies.push(responseTime);
      },
    );
  });
  const durationSeconds = result.duration;
  const p = percentiles(latencies, [50, 95, 99]);
  return {
    durationSeconds,
    rps: latencies.length / durationSeconds,
    p50: p[50],
    p95: p[95],
    p99: p[99],
    ok: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    withErrors,
    requestIds,
  };
}

const job = jobSchema.parse(JSON.parse(process.argv[2] ?? "null"));
drive(job).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`load failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
