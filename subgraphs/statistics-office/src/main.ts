/** Statistics Office subgraph command: `serve` (default), `sdl`, `migrate` or `seed --persons N`. */
// First: tracing must start before the modules it instruments are loaded.
import "@hub/telemetry/dist/register";
import { runSubgraphCommand } from "@hub/kit";
import { statisticsOffice } from "./subgraph";

runSubgraphCommand(statisticsOffice, process.argv.slice(2));
