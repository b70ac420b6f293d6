/**
 * Reads and validates a subgraph process's environment, once, at start. A bad value stops the
 * process with one line naming the variable.
 */
import path from "node:path";
import { z } from "zod";
import { ConfigError, hubContextTtlSecondsSchema, parseEnv } from "@hub/contracts";
import { defaultPolicyPaths, type PolicyPaths } from "@hub/policies";

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
  /** Longest lifetime (exp - iat) of a hub-context token this subgraph accepts: the gateway's HUB_CONTEXT_TTL_SECONDS. */
  hubContextTtlSeconds: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  runMigrations: boolean;
  /** Rules, agreements and regimes the record-level policy decisions load. */
  policyPaths: PolicyPaths;
  /** ISO alpha-2 country of the hub (R14-1). */
  country: string;
  /** On SIGTERM/SIGINT: how long requests in flight may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** The key this subgraph signs its answers with (docs/provenance.md). */
  provenanceKey: ProvenanceKeySource;
}

/**
 * development: the state folder's key pair, made on first start when absent; configured:
 * SUBGRAPH_SIGNING_KEY (a private JWK) and optionally SUBGRAPH_PUBLIC_KEYS (the set published).
 */
export type ProvenanceKeySource =
  { kind: "development"; keysDir: string } | { kind: "configured"; privateJwk: string; publicJwks: string | undefined };

/** The repository (or image) root, three levels above subgraphs/kit/dist. */
const repoRoot = path.resolve(__dirname, "../../..");

const booleanString = z.enum(["true", "false"]).transform((v) => v === "true");

/** The one place a subgraph process reads its environment; everything else receives it. */
export const processEnvironment = (): NodeJS.ProcessEnv => process.env;

export function loadSubgraphConfig(
  defaults: SubgraphDefaults,
  env: NodeJS.ProcessEnv = processEnvironment(),
): SubgraphConfig {
  const stateDir = path.resolve(env.HUB_STATE_DIR?.trim() || ".hub");
  const policyDefaults = defaultPolicyPaths(repoRoot);
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
    HUB_CONTEXT_TTL_SECONDS: hubContextTtlSecondsSchema,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    RUN_MIGRATIONS: booleanString.default(true),
    HUB_POLICIES_DIR: z.string().min(1).default(policyDefaults.policiesDir),
    HUB_AGREEMENTS_DIR: z.string().min(1).default(policyDefaults.agreementsDir),
    HUB_REGIMES: z.string().min(1).default(policyDefaults.regimesFile),
    HUB_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
      .default("AM"),
    HUB_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8000),
    SUBGRAPH_SIGNING_KEY: z.string().min(1).optional(),
    SUBGRAPH_PUBLIC_KEYS: z.string().min(1).optional(),
  });
  const c = parseEnv(schema, env) as Record<string, unknown>;
  return {
    name: defaults.name,
    port: c.PORT as number,
    host: c.HOST as string,
    databaseUrl: c[defaults.databaseUrlVariable] as string,
    databasePoolSize: c.DATABASE_POOL_SIZE as number,
    hubContextJwksPath: c.HUB_CONTEXT_JWKS as string,
    hubContextTtlSeconds: c.HUB_CONTEXT_TTL_SECONDS as number,
    logLevel: c.LOG_LEVEL as SubgraphConfig["logLevel"],
    runMigrations: c.RUN_MIGRATIONS as boolean,
    policyPaths: {
      policiesDir: path.resolve(c.HUB_POLICIES_DIR as string),
      agreementsDir: path.resolve(c.HUB_AGREEMENTS_DIR as string),
      regimesFile: path.resolve(c.HUB_REGIMES as string),
    },
    country: c.HUB_COUNTRY as string,
    shutdownTimeoutMs: c.HUB_SHUTDOWN_TIMEOUT_MS as number,
    provenanceKey: provenanceKeySource(c, stateDir),
  };
}

function provenanceKeySource(c: Record<string, unknown>, stateDir: string): ProvenanceKeySource {
  const privateJwk = c.SUBGRAPH_SIGNING_KEY as string | undefined;
  const publicJwks = c.SUBGRAPH_PUBLIC_KEYS as string | undefined;
  if (!privateJwk) {
    if (publicJwks) throw new ConfigError("Invalid configuration: SUBGRAPH_PUBLIC_KEYS: needs SUBGRAPH_SIGNING_KEY");
    return { kind: "development", keysDir: path.join(stateDir, "keys") };
  }
  return {
    kind: "configured",
    privateJwk: path.resolve(privateJwk),
    publicJwks: publicJwks && path.resolve(publicJwks),
  };
}
