/** State Migration Service subgraph command: `serve` (default), `sdl`, `migrate` or `seed --persons N`. */
// First: tracing must start before the modules it instruments are loaded.
import "@hub/telemetry/dist/register";
import { runSubgraphCommand } from "@hub/kit";
import { migrationService } from "./subgraph";

runSubgraphCommand(migrationService, process.argv.slice(2));
