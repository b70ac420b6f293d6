/**
 * Starts the gateway. A configuration or start-up failure prints one line and exits non-zero;
 * SIGTERM/SIGINT shut it down gracefully within HUB_SHUTDOWN_TIMEOUT_MS, a second signal at once.
 */
// First: tracing must start before the modules it instruments are loaded.
import { telemetry } from "@hub/telemetry/dist/register";
import { shutdownOnSignals } from "@hub/contracts";
import { loadConfig } from "./config";
import { startHubServer } from "./createHubServer";

async function main(): Promise<void> {
  const config = loadConfig();
  const hub = await startHubServer(config);
  // Buffered spans are exported before the process exits.
  shutdownOnSignals(() => hub.stop().then(() => telemetry?.shutdown()), config.shutdownTimeoutMs, hub.log);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
