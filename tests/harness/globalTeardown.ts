/** Stops the hub the harness started, and its embedded databases if any. */
export default async function globalTeardown(): Promise<void> {
  const processes = globalThis.hubProcesses ?? [];
  for (const child of processes) child.kill("SIGTERM");
  await Promise.all(
    processes.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve))),
    ),
  );
  await globalThis.hubStopDatabases?.();
}
