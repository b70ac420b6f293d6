/** State Migration Service subgraph command: `serve` (default), `sdl`, `migrate` or `seed --persons N`. */
import { runSubgraphCommand } from "@hub/kit";
import { migrationService } from "./subgraph";

runSubgraphCommand(migrationService, process.argv.slice(2));
