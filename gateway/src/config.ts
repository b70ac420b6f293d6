/**
 * The gateway's configuration: read from the environment once, validated, and failing at start
 * with one line naming the bad variable.
 */
import path from "node:path";
import { z } from "zod";
import { ConfigError, hubContextTtlSecondsSchema, parseEnv, SUBGRAPH_NAMES, type SubgraphName } from "@hub/contracts";
import {
  ALLOWED_ALGORITHMS,
  CLAIM_PRESETS,
  DEFAULT_ALGORITHMS,
  DEFAULT_AUDIENCE,
  DEMO_ISSUER,
  identityConfig,
  type IdentityConfig,
} from "./auth/identityConfig";
import { alarmConfigOf, alarmVariables, type AlarmConfig } from "./alarm/alarmConfig";
import { DEFAULT_KEY_CACHE } from "./auth/keys";
import type { RateLimitConfig } from "./rateLimits/RateLimits";

export { DEFAULT_AUDIENCE, DEMO_ISSUER };

export interface GatewayConfig {
  port: number;
  host: string;
  /** The identity providers whose tokens are trusted, and how they are read (docs/identity.md). */
  identity: IdentityConfig;
  /** File with the operator secret of the /admin endpoints; without it they are off. */
  adminKeyPath: string;
  /** Private JWK that signs hub-context tokens for subgraphs. */
  hubContextKeyPath: string;
  hubContextTtlSeconds: number;
  supergraphPath: string;
  /** Rules, agreements and regimes the policy engine loads (R10-3 versions them together). */
  policyPaths: { policiesDir: string; agreementsDir: string; regimesFile: string };
  /** Subgraph URLs that override those in the supergraph (deployment addresses). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  /** How long a call to each subgraph may take, body included, before it is SUBGRAPH_UNAVAILABLE. */
  subgraphTimeoutsMs: Record<SubgraphName, number>;
  /** On SIGTERM/SIGINT: how long in-flight requests and the audit buffer may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** ISO alpha-2 country of the hub (R14-1). */
  country: string;
  audit: {
    databaseUrl: string;
    /** Private JWK (Ed25519) signing checkpoints and the chain head. */
    keyPath: string;
    /** Public keys a chain head may be signed with (the current key and those rotated out). */
    jwksPath: string;
    /** Secret of the keyed hash replacing personal values in audit events; never the signing key. */
    valueKeyPath: string;
    poolSize: number;
    flushMs: number;
    batchSize: number;
    connectTimeoutMs: number;
    lockTimeoutMs: number;
    statementTimeoutMs: number;
  };
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  maxBodyBytes: number;
  limits: { depth: number; aliases: number; tokens: number; cost: number; directives: number };
  /** What the cost estimate assumes of a list (docs/architecture.md, "Operation cost"). */
  costModel: { defaultPageSize: number; assumedListSize: number };
  rateLimits: RateLimitConfig;
  /** The anomaly alarm on special-category and identity disclosures (R7-3). */
  alarm: AlarmConfig;
  stateDir: string;
  /** Demo sign-in endpoints (/demo/personas, /demo/token): only for a local hub, never in production. */
  demoMode: boolean;
  /** The built browser pages (explorer, audit console), served at /explorer/ and /audit/. */
  webDir: string;
  /** Where Prometheus metrics are served: beside /graphql, on a port of their own, or not at all. */
  metrics: { kind: "same-port" } | { kind: "own-port"; port: number } | { kind: "off" };
}

/** Largest group commit; the writer sends one array per column, so any size stays within PostgreSQL's parameter limit. */
export const AUDIT_MAX_BATCH_SIZE = 5000;

/** The repository (or image) root, two levels above gateway/dist. */
const repoRoot = path.resolve(__dirname, "../..");

const urlVariable = (name: SubgraphName) => `${name.toUpperCase().replace(/-/g, "_")}_URL`;
const timeoutVariable = (name: SubgraphName) => `${name.toUpperCase().replace(/-/g, "_")}_TIMEOUT_MS`;

/** The audit store's variables, shared by the gateway and the audit tools (`npm run audit:sign-head`). */
function auditVariables(keysDir: string) {
  return {
    AUDIT_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .default("postgres://postgres@127.0.0.1:54304/postgres"),
    AUDIT_KEY: z.string().min(1).default(path.join(keysDir, "audit.private.jwk.json")),
    AUDIT_JWKS: z.string().min(1).default(path.join(keysDir, "audit.jwks.json")),
    AUDIT_VALUE_KEY: z.string().min(1).default(path.join(keysDir, "audit-values.key")),
    AUDIT_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
    AUDIT_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    AUDIT_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    AUDIT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    AUDIT_FLUSH_MS: z.coerce.number().int().min(0).max(1000).default(5),
    AUDIT_BATCH_SIZE: z.coerce.number().int().min(1).max(AUDIT_MAX_BATCH_SIZE).default(200),
  };
}

type AuditVariables = z.infer<z.ZodObject<ReturnType<typeof auditVariables>>>;

function auditConfigOf(c: AuditVariables): GatewayConfig["audit"] {
  return {
    databaseUrl: c.AUDIT_DATABASE_URL,
    keyPath: path.resolve(c.AUDIT_KEY),
    jwksPath: path.resolve(c.AUDIT_JWKS),
    valueKeyPath: path.resolve(c.AUDIT_VALUE_KEY),
    poolSize: c.AUDIT_POOL_SIZE,
    flushMs: c.AUDIT_FLUSH_MS,
    batchSize: c.AUDIT_BATCH_SIZE,
    connectTimeoutMs: c.AUDIT_CONNECT_TIMEOUT_MS,
    lockTimeoutMs: c.AUDIT_LOCK_TIMEOUT_MS,
    statementTimeoutMs: c.AUDIT_STATEMENT_TIMEOUT_MS,
  };
}

/** The audit store's settings alone, for the tools that only write to it. */
export function loadAuditConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig["audit"] {
  const keysDir = path.join(path.resolve(env.HUB_STATE_DIR?.trim() || ".hub"), "keys");
  return auditConfigOf(parseEnv(z.object(auditVariables(keysDir)), env));
}

/** What the local tools (`npm run token`, `npm run identity`) read: the state folder, the country and the gateway's port. */
export function loadStateConfig(env: NodeJS.ProcessEnv = process.env): {
  stateDir: string;
  country: string;
  port: number;
  adminKeyPath: string;
} {
  const c = parseEnv(
    z.object({
      HUB_STATE_DIR: z.string().min(1).default(".hub"),
      HUB_COUNTRY: z
        .string()
        .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
        .default("AM"),
      PORT: z.coerce.number().int().min(1).max(65535).default(4000),
      HUB_ADMIN_KEY: z.string().min(1).optional(),
    }),
    env,
  );
  const stateDir = path.resolve(c.HUB_STATE_DIR);
  return {
    stateDir,
    country: c.HUB_COUNTRY,
    port: c.PORT,
    adminKeyPath: path.resolve(c.HUB_ADMIN_KEY ?? path.join(stateDir, "keys", "admin.key")),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const stateDir = path.resolve(env.HUB_STATE_DIR?.trim() || ".hub");
  const keysDir = path.join(stateDir, "keys");
  const httpUrl = z
    .string()
    .url()
    .regex(/^https?:\/\//, "must be an http(s) URL");
  const timeoutMs = z.coerce.number().int().min(50).max(600_000);
  const schema = z.object({
    PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    HOST: z.string().min(1).default("127.0.0.1"),
    HUB_ISSUER: z.string().max(5000).optional(),
    HUB_AUDIENCE: z.string().min(1).max(5000).default(DEFAULT_AUDIENCE),
    HUB_JWKS: z.string().min(1).max(1000).optional(),
    HUB_IDENTITY_PROVIDERS: z.string().min(1).optional(),
    HUB_CLAIM_PRESET: z.enum(CLAIM_PRESETS).default("hub"),
    HUB_ALGORITHMS: z
      .string()
      .default(DEFAULT_ALGORITHMS.join(","))
      .transform((v) => v.split(",").map((a) => a.trim()))
      .refine((list) => list.every((a) => (ALLOWED_ALGORITHMS as readonly string[]).includes(a)), {
        message: `each algorithm must be one of ${ALLOWED_ALGORITHMS.join(", ")} (never none or HS*)`,
      }),
    HUB_CLAIM_NAMESPACE: z.string().max(200).default(""),
    HUB_TOKEN_TYPE: z.enum(["at+jwt", "any"]).default("any"),
    HUB_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    HUB_MAX_TOKEN_CHARS: z.coerce.number().int().min(1024).max(65_536).default(8192),
    HUB_DPOP: z.enum(["verify", "refuse"]).default("verify"),
    HUB_KEYS_REFRESH_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    HUB_KEYS_STALE_SECONDS: z.coerce.number().int().min(0).max(604_800).default(21_600),
    HUB_KEYS_COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    HUB_PUBLIC_URL: z
      .string()
      .url()
      .regex(/^https?:\/\//, "must be an http(s) URL")
      .optional(),
    HUB_ADMIN_KEY: z.string().min(1).default(path.join(keysDir, "admin.key")),
    HUB_CONTEXT_KEY: z.string().min(1).default(path.join(keysDir, "gateway.private.jwk.json")),
    HUB_CONTEXT_TTL_SECONDS: hubContextTtlSecondsSchema,
    HUB_SUPERGRAPH: z
      .string()
      .min(1)
      .default(path.join(repoRoot, "contracts", "supergraph.graphql")),
    HUB_POLICIES_DIR: z.string().min(1).default(path.join(repoRoot, "policies")),
    HUB_AGREEMENTS_DIR: z
      .string()
      .min(1)
      .default(path.join(repoRoot, "contracts", "agreements")),
    HUB_REGIMES: z
      .string()
      .min(1)
      .default(path.join(repoRoot, "contracts", "regimes.yaml")),
    HUB_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
      .default("AM"),
    ...auditVariables(keysDir),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    HUB_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000),
    HUB_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
    HUB_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
    HUB_MAX_TOKENS: z.coerce.number().int().min(50).max(100_000).default(2000),
    HUB_MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(5000),
    HUB_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
    HUB_COST_DEFAULT_PAGE: z.coerce.number().int().min(1).max(10_000).default(50),
    HUB_COST_LIST_SIZE: z.coerce.number().int().min(1).max(10_000).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
    HUB_RATE_LIMIT_PREFIX: z.string().min(1).max(100).default("hub:rate"),
    HUB_RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(200),
    HUB_RATE_LIMIT_AGENCY_POINTS: z.coerce.number().int().min(0).max(10_000_000).default(30_000),
    HUB_RATE_LIMIT_AGENCY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    HUB_RATE_LIMIT_SUBJECT_POINTS: z.coerce.number().int().min(0).max(10_000_000).default(6_000),
    HUB_RATE_LIMIT_SUBJECT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    HUB_RATE_LIMIT_ADDRESS_POINTS: z.coerce.number().int().min(0).max(10_000_000).default(0),
    HUB_RATE_LIMIT_ADDRESS_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    ...alarmVariables(),
    HUB_METRICS: z.enum(["true", "false"]).default("true"),
    HUB_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    HUB_DEMO_MODE: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [urlVariable(name), httpUrl.optional()])),
    HUB_SUBGRAPH_TIMEOUT_MS: timeoutMs.default(5000),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [timeoutVariable(name), timeoutMs.optional()])),
    HUB_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8000),
  });
  const c = parseEnv(schema, env) as Record<string, unknown> & z.infer<typeof schema>;
  const list = (value: string | undefined) => (value ?? "").split(",").flatMap((v) => (v.trim() ? [v.trim()] : []));
  const issuers = list(c.HUB_ISSUER);
  const developmentJwks = path.join(keysDir, "idp.jwks.json");
  let identity: IdentityConfig;
  try {
    identity = identityConfig({
      issuers,
      audiences: list(c.HUB_AUDIENCE),
      // Without a named issuer, HUB_JWKS is where the development provider's keys are.
      jwks: issuers.some((i) => i !== DEMO_ISSUER) ? c.HUB_JWKS : undefined,
      providersFile: c.HUB_IDENTITY_PROVIDERS,
      preset: c.HUB_CLAIM_PRESET,
      claimNamespace: c.HUB_CLAIM_NAMESPACE,
      algorithms: c.HUB_ALGORITHMS,
      tokenType: c.HUB_TOKEN_TYPE,
      clockToleranceSeconds: c.HUB_CLOCK_TOLERANCE_SECONDS,
      maxTokenChars: c.HUB_MAX_TOKEN_CHARS,
      dpop: c.HUB_DPOP,
      keyCache: {
        ...DEFAULT_KEY_CACHE,
        refreshAfterMs: c.HUB_KEYS_REFRESH_SECONDS * 1000,
        staleIfErrorMs: c.HUB_KEYS_STALE_SECONDS * 1000,
        unknownKidCooldownMs: c.HUB_KEYS_COOLDOWN_SECONDS * 1000,
      },
      publicUrl: c.HUB_PUBLIC_URL,
      demoMode: c.HUB_DEMO_MODE,
      developmentJwks: issuers.some((i) => i !== DEMO_ISSUER) ? developmentJwks : (c.HUB_JWKS ?? developmentJwks),
    });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    port: c.PORT,
    host: c.HOST,
    identity,
    adminKeyPath: path.resolve(c.HUB_ADMIN_KEY),
    hubContextKeyPath: path.resolve(c.HUB_CONTEXT_KEY),
    hubContextTtlSeconds: c.HUB_CONTEXT_TTL_SECONDS,
    supergraphPath: path.resolve(c.HUB_SUPERGRAPH),
    policyPaths: {
      policiesDir: path.resolve(c.HUB_POLICIES_DIR),
      agreementsDir: path.resolve(c.HUB_AGREEMENTS_DIR),
      regimesFile: path.resolve(c.HUB_REGIMES),
    },
    subgraphUrls: Object.fromEntries(
      SUBGRAPH_NAMES.flatMap((name) => {
        const url = c[urlVariable(name)];
        return typeof url === "string" ? [[name, url]] : [];
      }),
    ),
    subgraphTimeoutsMs: Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => {
        const own = c[timeoutVariable(name)];
        return [name, typeof own === "number" ? own : c.HUB_SUBGRAPH_TIMEOUT_MS];
      }),
    ) as Record<SubgraphName, number>,
    shutdownTimeoutMs: c.HUB_SHUTDOWN_TIMEOUT_MS,
    country: c.HUB_COUNTRY,
    audit: auditConfigOf(c),
    logLevel: c.LOG_LEVEL,
    maxBodyBytes: c.HUB_MAX_BODY_BYTES,
    limits: {
      depth: c.HUB_MAX_DEPTH,
      aliases: c.HUB_MAX_ALIASES,
      tokens: c.HUB_MAX_TOKENS,
      cost: c.HUB_MAX_COST,
      directives: c.HUB_MAX_DIRECTIVES,
    },
    costModel: { defaultPageSize: c.HUB_COST_DEFAULT_PAGE, assumedListSize: c.HUB_COST_LIST_SIZE },
    rateLimits: {
      redisUrl: c.REDIS_URL,
      keyPrefix: c.HUB_RATE_LIMIT_PREFIX,
      redisTimeoutMs: c.HUB_RATE_LIMIT_REDIS_TIMEOUT_MS,
      rules: {
        address: { points: c.HUB_RATE_LIMIT_ADDRESS_POINTS, durationSeconds: c.HUB_RATE_LIMIT_ADDRESS_SECONDS },
        agency: { points: c.HUB_RATE_LIMIT_AGENCY_POINTS, durationSeconds: c.HUB_RATE_LIMIT_AGENCY_SECONDS },
        subject: { points: c.HUB_RATE_LIMIT_SUBJECT_POINTS, durationSeconds: c.HUB_RATE_LIMIT_SUBJECT_SECONDS },
      },
    },
    alarm: alarmConfigOf(c),
    stateDir,
    demoMode: c.HUB_DEMO_MODE,
    webDir: path.join(repoRoot, "gateway", "web", "dist"),
    metrics:
      c.HUB_METRICS === "false"
        ? { kind: "off" }
        : c.HUB_METRICS_PORT !== undefined && c.HUB_METRICS_PORT !== c.PORT
          ? { kind: "own-port", port: c.HUB_METRICS_PORT }
          : { kind: "same-port" },
  };
}
