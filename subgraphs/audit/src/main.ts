/** Audit subgraph command: `verify [--from ISO] [--to ISO]`, `head [--contains <line or file>]`, `replay <eventId>`, or the kit's `serve` (default), `sdl`, `migrate`, `seed`. */
// First: tracing must start before the modules it instruments are loaded.
import "@hub/telemetry/dist/register";
import { runCli, runSubgraphCommand } from "@hub/kit";
import { auditSubgraph } from "./subgraph";
import { runReplayCommand } from "./replay/replayCommand";
import { runHeadCommand } from "./headCommand";
import { runVerifyCommand } from "./verifyCommand";

const [command, ...rest] = process.argv.slice(2);
if (command === "verify") {
  runCli(async () => {
    process.exitCode = await runVerifyCommand(rest);
  });
} else if (command === "head") {
  runCli(async () => {
    process.exitCode = await runHeadCommand(rest);
  });
} else if (command === "replay") {
  runCli(async () => {
    process.exitCode = await runReplayCommand(rest);
  });
} else {
  runSubgraphCommand(auditSubgraph, process.argv.slice(2));
}
