/** Statistics Office subgraph command: `serve` (default), `sdl`, `migrate` or `seed --persons N`. */
import { runSubgraphCommand } from "@hub/kit";
import { statisticsOffice } from "./subgraph";

runSubgraphCommand(statisticsOffice, process.argv.slice(2));
