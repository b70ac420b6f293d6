/**
 * Stops the hub the harness started, and its embedded databases if any; then, with every log
 * written, fails the run if any process logged a personal value or a token.
 */
import { describeLeaks, scanLogsForLeaks } from "./scanLogsForLeaks";

export default async function globalTeardown(): Promise<void> {
  const processes = globalThis.hubProcesses ?? [];
  for (const child of processes) child.kill("SIGTERM");
  await Promise.all(
    processes.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve))),
    ),
  );
  await globalThis.hubStopDatabases?.();
  const report = scanLogsForLeaks();
  if (report.leaks.length > 0) throw new Error(describeLeaks(report));
  process.stdout.write(`Log scan: ${report.lines} lines in ${report.files} logs, no personal values or tokens.\n`);
}
