/**
 * Readiness as the gateway and the subgraphs report it on `/readyz`: named checks run side by
 * side, each bounded by a short timeout so a hung dependency answers "timeout", never a hung
 * probe. Ready when every check passed.
 */

/** A check resolves with a short detail (a version, a count) or throws with what failed. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<string | void>;

export interface CheckResult {
  ok: boolean;
  detail?: string;
  ms: number;
}

export interface Readiness {
  status: "ready" | "unavailable";
  checks: Record<string, CheckResult>;
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = Date.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = new Promise<never>((_resolve, reject) => {
    signal.addEventListener("abort", () => reject(new Error(`timeout after ${timeoutMs} ms`)), { once: true });
  });
  try {
    const detail = await Promise.race([check(signal), timedOut]);
    return { ok: true, ...(detail ? { detail } : {}), ms: Date.now() - started };
  } catch (error) {
    // Messages of the hub's own checks; never a stack or a connection string.
    const detail = error instanceof Error ? error.message : "failed";
    return { ok: false, detail, ms: Date.now() - started };
  }
}

export async function checkReadiness(checks: Record<string, ReadinessCheck>, timeoutMs: number): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await runOne(check, timeoutMs)] as const),
  );
  return {
    status: entries.every(([, r]) => r.ok) ? "ready" : "unavailable",
    checks: Object.fromEntries(entries),
  };
}

/** How long one probe's answer is reused: the checks reach databases and other services. */
export const READINESS_REUSE_MS = 1000;

/**
 * `/readyz` needs no token, so a flood of probes must not become a flood of database connections
 * and subgraph calls: concurrent probes share one run of the checks, and its answer is reused for
 * `reuseMs` after it ends.
 */
export function createReadinessProbe(
  checks: Record<string, ReadinessCheck>,
  timeoutMs: number,
  reuseMs = READINESS_REUSE_MS,
): () => Promise<Readiness> {
  let current: { answer: Promise<Readiness>; endedAt?: number } | undefined;
  return () => {
    if (current && (current.endedAt === undefined || Date.now() - current.endedAt < reuseMs)) return current.answer;
    const run: { answer: Promise<Readiness>; endedAt?: number } = {
      answer: checkReadiness(checks, timeoutMs).finally(() => (run.endedAt = Date.now())),
    };
    current = run;
    return run.answer;
  };
}
