/**
 * The processes a benchmark run owns: each started with its environment and its output kept in a
 * log file, awaited until it answers, and stopped with SIGTERM (so a CPU profile is written).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

export interface BenchProcess {
  label: string;
  child: ChildProcess;
  /** Sends SIGTERM (SIGKILL after the grace period) and resolves once the process has exited. */
  stop: (graceMs?: number) => Promise<void>;
}

export interface StartOptions {
  label: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Resolves true once the process answers. */
  ready: () => Promise<boolean>;
  nodeArgs?: string[];
  args?: string[];
  timeoutMs?: number;
}

export async function startProcess(options: StartOptions): Promise<BenchProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry, ...(options.args ?? [])], {
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(options.logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const owned: BenchProcess = {
    label: options.label,
    child,
    stop: async (graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${options.label} exited at start; see ${options.logFile}`);
    if (await options.ready().catch(() => false)) return owned;
    await new Promise((r) => setTimeout(r, 200));
  }
  await owned.stop(0);
  throw new Error(`${options.label} did not answer within ${(options.timeoutMs ?? 60_000) / 1000} s`);
}

/** Ready when GET url answers 2xx. */
export const answersAt = (url: string) => async () => (await fetch(url)).ok;

/** Ready when a GraphQL endpoint answers `{ __typename }` (the bare gateway has no health route). */
export const answersGraphQL = (url: string) => async () =>
  (
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    })
  ).ok;
