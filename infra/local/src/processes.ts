/** One-off child processes of the local hub (seeding), and waiting for a service to answer its health check. */
import { spawn, type ChildProcess } from "node:child_process";

export function runToCompletion(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  label: string,
  /** Told of the child as soon as it runs, so that a stop can end it. */
  onSpawn?: (child: ChildProcess) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
    onSpawn?.(child);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${label} failed (${signal ? `signal ${signal}` : `exit ${code}`}): ${stderr.trim().split("\n").pop()}`,
            ),
          ),
    );
  });
}

export async function waitForHealth(
  url: string,
  label: string,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${label} exited during start (${child.signalCode ?? `exit ${child.exitCode}`})`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${label} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}
