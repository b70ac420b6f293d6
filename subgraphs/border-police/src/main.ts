/** Border Police subgraph command: `serve` (default), `sdl`, `migrate` or `seed --persons N`. */
import { runSubgraphCommand } from "@hub/kit";
import { borderPolice } from "./subgraph";

runSubgraphCommand(borderPolice, process.argv.slice(2));
