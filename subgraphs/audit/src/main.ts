/** Audit subgraph command: `verify [--from ISO] [--to ISO]`, or the kit's `serve` (default), `sdl`, `migrate`, `seed`. */
import { runCli, runSubgraphCommand } from "@hub/kit";
import { auditSubgraph } from "./subgraph";
import { runVerifyCommand } from "./verifyCommand";

const [command, ...rest] = process.argv.slice(2);
if (command === "verify") {
  runCli(async () => {
    process.exitCode = await runVerifyCommand(rest);
  });
} else {
  runSubgraphCommand(auditSubgraph, process.argv.slice(2));
}
