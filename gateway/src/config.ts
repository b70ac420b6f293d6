/**
 * The gateway's configuration: read from the environment once, validated, and failing at start
 * with one line naming the bad variable.
 */
import path from "node:path";
import { z } from "zod";
import { hubContextTtlSecondsSchema, parseEnv, SUBGRAPH_NAMES, type SubgraphName } from "@hub/contracts";
import type { RateLimitConfig } from "./rateLimits/RateLimits";

export const DEMO_ISSUER = "urn:migration-hub:demo-idp";
export const DEFAULT_AUDIENCE = "migration-hub";

export interface GatewayConfig {
  port: number;
  host: string;
  /** JWKS of the identity provider: a file path or an https URL. */
  jwks: { kind: "file"; path: string } | { kind: "url"; url: URL };
  issuer: string;
  audience: string;
  algorithms: string[];
  /** Prefix of the hub's custom claims (`agency`, `role`, `purposes`, `country`, `cases`). */
  claimNamespace: string;
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

const ALLOWED_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

/** The repository (or image) root, two levels above gateway/dist. */
const repoRoot = path.resolve(__dirname, "../..");

const urlVariable = (name: SubgraphName) => `${name.toUpperCase().replace(/-/g, "_")}_URL`;
const timeoutVariable = (name: SubgraphName) => `${name.toUpperCase().replace(/-/g, "_")}_TIMEOUT_MS`;

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
    HUB_JWKS: z.string().min(1).default(path.join(keysDir, "idp.jwks.json")),
    HUB_ISSUER: z.string().min(1).default(DEMO_ISSUER),
    HUB_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
    HUB_ALGORITHMS: z
      .string()
      .default("RS256,PS256,ES256,EdDSA")
      .transform((v) => v.split(",").map((a) => a.trim()))
      .refine((list) => list.every((a) => ALLOWED_ALGORITHMS.includes(a)), {
        message: `each algorithm must be one of ${ALLOWED_ALGORITHMS.join(", ")} (never none or HS*)`,
      }),
    HUB_CLAIM_NAMESPACE: z.string().default(""),
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
  const jwks = String(c.HUB_JWKS);
  return {
    port: c.PORT,
    host: c.HOST,
    jwks: /^https?:\/\//.test(jwks) ? { kind: "url", url: new URL(jwks) } : { kind: "file", path: path.resolve(jwks) },
    issuer: c.HUB_ISSUER,
    audience: c.HUB_AUDIENCE,
    algorithms: c.HUB_ALGORITHMS,
    claimNamespace: c.HUB_CLAIM_NAMESPACE,
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
    audit: {
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
    },
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
