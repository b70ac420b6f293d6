/** Starts the gateway. */
import { loadConfig } from "./config";
import { startHubServer } from "./createHubServer";

startHubServer(loadConfig())
  .then((hub) => {
    const shutdown = () => void hub.stop().finally(() => process.exit(0));
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
