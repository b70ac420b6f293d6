/**
 * The configuration of `npm run profile`, read from the environment once and validated: where
 * the gateway and the Statistics Office's database are, and where the service client's token
 * comes from. Command-line options, where given, win over these variables.
 */
import { z } from "zod";
import { parseEnv } from "@hub/contracts";
import { AGENCY_PROCESSES } from "./layout";
import { loadLauncherConfig, type LauncherConfig } from "./launcherConfig";

export interface ProfileConfig {
  launcher: LauncherConfig;
  gatewayUrl: string;
  /** The service client's token in a file (STATISTICS_SERVICE_TOKEN_FILE); absent on the local hub, which mints one. */
  tokenFile: string | undefined;
  databaseUrl: string;
}

const statisticsOffice = AGENCY_PROCESSES.find((a) => a.name === "statistics-office");

export function loadProfileConfig(env: NodeJS.ProcessEnv = process.env): ProfileConfig {
  const launcher = loadLauncherConfig(env);
  if (!statisticsOffice) throw new Error("no statistics-office process in the layout");
  const c = parseEnv(
    z.object({
      HUB_GATEWAY_URL: z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${launcher.gatewayPort}/graphql`),
      STATISTICS_SERVICE_TOKEN_FILE: z.string().min(1).optional(),
      [statisticsOffice.databaseUrlVariable]: z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
        .default(`postgres://postgres@127.0.0.1:${statisticsOffice.embeddedDbPort}/postgres`),
    }),
    env,
  ) as Record<string, string | undefined>;
  return {
    launcher,
    gatewayUrl: c.HUB_GATEWAY_URL ?? "",
    tokenFile: c.STATISTICS_SERVICE_TOKEN_FILE,
    databaseUrl: c[statisticsOffice.databaseUrlVariable] ?? "",
  };
}
