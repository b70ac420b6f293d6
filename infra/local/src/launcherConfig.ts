/**
 * The launcher's configuration (`npm start`, `npm run seed`): read from the environment once,
 * validated, and failing with one line naming the bad variable. The environment is also handed
 * on to the child processes, which validate their own variables.
 */
import path from "node:path";
import { z } from "zod";
import { parseEnv } from "@hub/contracts";
import { repoRoot } from "./layout";

export interface LauncherConfig {
  /** What the children inherit (each validates its own variables). */
  env: NodeJS.ProcessEnv;
  stateDir: string;
  gatewayPort: number;
  logLevel: string;
  demoMode: "true" | "false";
  /** Country of the demo token printed in the banner. */
  hubCountry: string;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  const c = parseEnv(
    z.object({
      HUB_STATE_DIR: z.string().min(1).default(".hub"),
      PORT: z.coerce.number().int().min(1).max(65535).default(4000),
      LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
      HUB_DEMO_MODE: z.enum(["true", "false"]).default("true"),
      HUB_COUNTRY: z
        .string()
        .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
        .default("AM"),
    }),
    env,
  );
  return {
    env,
    stateDir: path.resolve(repoRoot, c.HUB_STATE_DIR),
    gatewayPort: c.PORT,
    logLevel: c.LOG_LEVEL,
    demoMode: c.HUB_DEMO_MODE,
    hubCountry: c.HUB_COUNTRY,
  };
}
