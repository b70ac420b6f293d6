/**
 * Reads and validates a subgraph process's environment, once, at start. A bad value stops the
 * process with one line naming the variable.
 */
import path from "node:path";
import { z } from "zod";
import { parseEnv } from "@hub/contracts";

export interface SubgraphDefaults {
  /** Subgraph name as composed in the supergraph, e.g. `border-police`. */
  name: string;
  /** Name of the variable holding this agency's database URL, e.g. `BORDER_POLICE_DATABASE_URL`. */
  databaseUrlVariable: string;
  /** Embedded database URL used when the variable is unset (`npm start`). */
  embeddedDatabaseUrl: string;
  port: number;
}

export interface SubgraphConfig {
  name: string;
  port: number;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  /** Public JWKS of the gateway that signs hub-context tokens. */
  hubContextJwksPath: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  runMigrations: boolean;
}

const booleanString = z.enum(["true", "false"]).transform((v) => v === "true");

export function loadSubgraphConfig(defaults: SubgraphDefaults, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const stateDir = path.resolve(env.HUB_STATE_DIR?.trim() || ".hub");
  const schema = z.object({
    PORT: z.coerce.number().int().min(1).max(65535).default(defaults.port),
    HOST: z.string().min(1).default("127.0.0.1"),
    [defaults.databaseUrlVariable]: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .default(defaults.embeddedDatabaseUrl),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    HUB_CONTEXT_JWKS: z
      .string()
      .min(1)
      .default(path.join(stateDir, "keys", "gateway.jwks.json")),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    RUN_MIGRATIONS: booleanString.default(true),
  });
  const c = parseEnv(schema, env) as Record<string, unknown>;
  return {
    name: defaults.name,
    port: c.PORT as number,
    host: c.HOST as string,
    databaseUrl: c[defaults.databaseUrlVariable] as string,
    databasePoolSize: c.DATABASE_POOL_SIZE as number,
    hubContextJwksPath: c.HUB_CONTEXT_JWKS as string,
    logLevel: c.LOG_LEVEL as SubgraphConfig["logLevel"],
    runMigrations: c.RUN_MIGRATIONS as boolean,
  };
}
