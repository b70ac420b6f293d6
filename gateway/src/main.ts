/** Starts the gateway. A configuration or start-up failure prints one line and exits non-zero. */
// First: tracing must start before the modules it instruments are loaded.
import { telemetry } from "@hub/telemetry/dist/register";
import { loadConfig } from "./config";
import { startHubServer } from "./createHubServer";

async function main(): Promise<void> {
  const hub = await startHubServer(loadConfig());
  // Buffered spans are exported before the process exits.
  const shutdown = () =>
    void hub
      .stop()
      .then(() => telemetry?.shutdown())
      .finally(() => process.exit(0));
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
