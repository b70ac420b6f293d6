/**
 * Graceful shutdown for every hub process: the first SIGTERM or SIGINT runs `stop` (stop
 * accepting, finish in-flight work, drain buffers) and exits when it is done, or after
 * `timeoutMs` whatever its state; a second signal exits at once.
 */

export interface ShutdownLog {
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
}

export function shutdownOnSignals(stop: () => Promise<void>, timeoutMs: number, log: ShutdownLog): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting at once");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, timeoutMs }, "shutting down: finishing in-flight requests");
    const timer = setTimeout(() => {
      log.warn({ timeoutMs }, "shutdown did not finish in time: exiting anyway");
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => {
        log.info({}, "stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
