/**
 * Starts the gateway. A configuration or start-up failure prints one line and exits non-zero;
 * SIGTERM/SIGINT shut it down gracefully within HUB_SHUTDOWN_TIMEOUT_MS, a second signal at once.
 */
import { shutdownOnSignals } from "@hub/contracts";
import { loadConfig } from "./config";
import { startHubServer } from "./createHubServer";

async function main(): Promise<void> {
  const config = loadConfig();
  const hub = await startHubServer(config);
  shutdownOnSignals(hub.stop, config.shutdownTimeoutMs, hub.log);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
