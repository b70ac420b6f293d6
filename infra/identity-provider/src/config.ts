/**
 * The local identity provider's configuration: read from the environment once, validated, and
 * failing at start with one line naming the bad variable.
 */
import path from "node:path";
import { z } from "zod";
import { parseEnv } from "@hub/contracts";

export interface IdentityProviderConfig {
  port: number;
  host: string;
  /** The `iss` of every token and the base of every endpoint; must be how clients reach the provider. */
  issuer: string;
  /** Signing keys and client secrets, kept across restarts (never committed). */
  stateDir: string;
  /** The `aud` of the hub's access tokens (the gateway's HUB_AUDIENCE). */
  audience: string;
  /** The RFC 8707 resource indicator that names the hub (an absolute URI, as RFC 8707 §2 requires). */
  resource: string;
  tokenTtlSeconds: number;
  /** Country of the domestic agencies' clients (the hub's own, HUB_COUNTRY). */
  country: string;
  /**
   * Whether tokens also carry a `purposes` array listing every purpose the client may ever use.
   * The `scope` claim says what this token was asked for; a gateway that reads only `purposes`
   * needs the array, one that maps scopes intersects the two.
   */
  purposesClaim: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

export const DEFAULT_PORT = 4400;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IdentityProviderConfig {
  const hubStateDir = path.resolve(env.HUB_STATE_DIR?.trim() || ".hub");
  const schema = z.object({
    PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_PORT),
    HOST: z.string().min(1).default("127.0.0.1"),
    IDP_ISSUER: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .refine((v) => !/[?#]/.test(v) && !v.endsWith("/"), "must have no query, fragment or trailing slash")
      .optional(),
    IDP_STATE_DIR: z.string().min(1).default(path.join(hubStateDir, "identity-provider")),
    IDP_AUDIENCE: z.string().min(1).max(200).default("migration-hub"),
    IDP_RESOURCE: z
      .string()
      .refine((v) => URL.canParse(v) && !v.includes("#"), "must be an absolute URI without a fragment")
      .default("urn:migration-hub"),
    IDP_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    HUB_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
      .default("AM"),
    IDP_PURPOSES_CLAIM: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  });
  const c = parseEnv(schema, env);
  return {
    port: c.PORT,
    host: c.HOST,
    issuer: c.IDP_ISSUER ?? `http://${c.HOST.includes(":") ? `[${c.HOST}]` : c.HOST}:${c.PORT}`,
    stateDir: path.resolve(c.IDP_STATE_DIR),
    audience: c.IDP_AUDIENCE,
    resource: c.IDP_RESOURCE,
    tokenTtlSeconds: c.IDP_TOKEN_TTL_SECONDS,
    country: c.HUB_COUNTRY,
    purposesClaim: c.IDP_PURPOSES_CLAIM,
    logLevel: c.LOG_LEVEL,
  };
}
