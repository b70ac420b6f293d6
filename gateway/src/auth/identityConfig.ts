/**
 * The identity providers the gateway trusts: from the environment (one or several issuers sharing
 * one set of settings) or from a YAML file (`HUB_IDENTITY_PROVIDERS`, each issuer with its own
 * audiences, keys, claim mapping and protocol settings). docs/identity.md explains every setting.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { describeIssue } from "@hub/contracts";
import { DEVELOPMENT_MARK } from "./devKeys";
import {
  CLAIM_PRESET_NAMES,
  claimMappingConfigSchema,
  claimMappingFromConfig,
  claimPreset,
  type ClaimMapping,
} from "./claims";
import { DEFAULT_DPOP, type DpopSettings } from "./dpop";
import type { KeyCacheSettings, KeySource } from "./keys";

export const DEMO_ISSUER = "urn:migration-hub:demo-idp";
export const DEFAULT_AUDIENCE = "migration-hub";

export const ALLOWED_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
] as const;
export const DEFAULT_ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"];
export const CLAIM_PRESETS = CLAIM_PRESET_NAMES;

/** One trusted issuer and how its tokens are read. */
export interface TrustedIssuerSettings {
  issuer: string;
  audiences: string[];
  keys: KeySource;
  keyCache: KeyCacheSettings;
  algorithms: string[];
  claims: ClaimMapping;
  /** The `typ` header every token must carry (RFC 9068: `at+jwt`), or null to accept any. */
  tokenType: "at+jwt" | null;
  clockToleranceSeconds: number;
  dpop: DpopSettings;
  /** The development identity provider of a local hub (demo mode only). */
  development: boolean;
}

export interface IdentityConfig {
  issuers: TrustedIssuerSettings[];
  /** Longest bearer token accepted: a bound on the work one request can cause. */
  maxTokenChars: number;
  /** The gateway's own address as clients call it (the `htu` of DPoP proofs); else taken from the Host header. */
  publicUrl: URL | null;
}

/** The environment variables the identity settings read (validated by the gateway's loadConfig). */
export interface IdentityEnv {
  issuers: string[];
  audiences: string[];
  jwks: string | undefined;
  providersFile: string | undefined;
  preset: (typeof CLAIM_PRESETS)[number];
  claimNamespace: string;
  algorithms: string[];
  tokenType: "at+jwt" | "any";
  clockToleranceSeconds: number;
  maxTokenChars: number;
  dpop: DpopSettings["mode"];
  keyCache: KeyCacheSettings;
  publicUrl: string | undefined;
  demoMode: boolean;
  /** The development identity provider's public keys (`<state>/keys/idp.jwks.json`). */
  developmentJwks: string;
}

/** An issuer is a URL (https, or http on a loopback address for local trials) or, for the development provider, its URN. */
const issuerUrl = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((value) => URL.canParse(value) && isAcceptableUrl(new URL(value)), {
    message: "must be an https URL (http only on 127.0.0.1, ::1 or localhost)",
  });

export function isAcceptableUrl(url: URL): boolean {
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname);
}

/** A JWKS given explicitly: an http(s) URL, or a file path. */
function keySourceOf(jwks: string | undefined, baseDir: string): KeySource {
  if (jwks === undefined || jwks === "discovery") return { kind: "discovery" };
  if (/^https?:\/\//.test(jwks)) {
    const url = new URL(jwks);
    if (!isAcceptableUrl(url)) throw new Error(`the JWKS URL ${url.origin} must be https (http only on loopback)`);
    return { kind: "jwks-url", url };
  }
  return { kind: "file", path: path.resolve(baseDir, jwks) };
}

const seconds = (max: number) => z.number().int().min(0).max(max);

const issuerFileSchema = z
  .object({
    issuer: issuerUrl,
    audiences: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
    jwks: z.string().trim().min(1).max(1000).optional(),
    preset: z.enum(CLAIM_PRESETS).default("hub"),
    claims: claimMappingConfigSchema.optional(),
    algorithms: z.array(z.enum(ALLOWED_ALGORITHMS)).min(1).optional(),
    tokenType: z.enum(["at+jwt", "any"]).optional(),
    clockToleranceSeconds: seconds(300).optional(),
    dpop: z.enum(["verify", "refuse"]).optional(),
    keys: z
      .object({
        refreshSeconds: z.number().int().min(10).max(86_400).optional(),
        staleSeconds: seconds(7 * 86_400).optional(),
        cooldownSeconds: z.number().int().min(1).max(3600).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const providersFileSchema = z
  .object({ issuers: z.array(issuerFileSchema).min(1).max(50) })
  .strict()
  .refine((file) => new Set(file.issuers.map((i) => i.issuer)).size === file.issuers.length, {
    message: "each issuer may be listed once",
    path: ["issuers"],
  });

function fromFile(env: IdentityEnv, file: string): TrustedIssuerSettings[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`Cannot read the identity providers file (HUB_IDENTITY_PROVIDERS) at ${file}`);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) throw new Error(`${file}: not valid YAML: ${doc.errors[0]?.message ?? ""}`);
  // A bound on alias expansion: a small file must not unfold into a huge one ("billion laughs").
  const parsed = providersFileSchema.safeParse(doc.toJS({ maxAliasCount: 50 }));
  if (!parsed.success) throw new Error(describeIssue(file, doc, counter, parsed.error.issues[0]));
  return parsed.data.issuers.map((entry) => {
    const base = fromEnvFor(env, entry.issuer, entry.jwks, path.dirname(file));
    const audience = entry.audiences[0] ?? DEFAULT_AUDIENCE;
    return {
      ...base,
      audiences: entry.audiences,
      algorithms: entry.algorithms ?? base.algorithms,
      claims: entry.claims
        ? claimMappingFromConfig({ preset: entry.preset, namespace: env.claimNamespace, ...entry.claims }, audience)
        : claimPreset(entry.preset, { namespace: env.claimNamespace, audience }),
      tokenType: entry.tokenType ? (entry.tokenType === "any" ? null : "at+jwt") : defaultTokenType(entry.preset, env),
      clockToleranceSeconds: entry.clockToleranceSeconds ?? base.clockToleranceSeconds,
      dpop: { ...base.dpop, mode: entry.dpop ?? base.dpop.mode },
      keyCache: {
        ...base.keyCache,
        ...(entry.keys?.refreshSeconds !== undefined ? { refreshAfterMs: entry.keys.refreshSeconds * 1000 } : {}),
        ...(entry.keys?.staleSeconds !== undefined ? { staleIfErrorMs: entry.keys.staleSeconds * 1000 } : {}),
        ...(entry.keys?.cooldownSeconds !== undefined
          ? { unknownKidCooldownMs: entry.keys.cooldownSeconds * 1000 }
          : {}),
      },
    };
  });
}

/** oidc-provider issues RFC 9068 access tokens (`typ: at+jwt`), so its preset requires them unless told otherwise. */
function defaultTokenType(preset: IdentityEnv["preset"], env: IdentityEnv): "at+jwt" | null {
  if (env.tokenType === "at+jwt") return "at+jwt";
  return preset === "oidc-provider" ? "at+jwt" : null;
}

function fromEnvFor(
  env: IdentityEnv,
  issuer: string,
  jwks: string | undefined,
  baseDir: string,
): TrustedIssuerSettings {
  const audience = env.audiences[0] ?? DEFAULT_AUDIENCE;
  return {
    issuer,
    audiences: env.audiences,
    keys: keySourceOf(jwks, baseDir),
    keyCache: env.keyCache,
    algorithms: env.algorithms,
    claims: claimPreset(env.preset, { namespace: env.claimNamespace, audience }),
    tokenType: defaultTokenType(env.preset, env),
    clockToleranceSeconds: env.clockToleranceSeconds,
    dpop: { ...DEFAULT_DPOP, mode: env.dpop, clockToleranceSeconds: Math.min(env.clockToleranceSeconds, 60) },
    development: false,
  };
}

/** The development identity provider of `npm start`: the hub preset, the development key file, demo tokens. */
function developmentIssuer(env: IdentityEnv): TrustedIssuerSettings {
  return {
    // Demo tokens carry the hub's flat claims without a namespace, whatever HUB_CLAIM_NAMESPACE says.
    ...fromEnvFor({ ...env, preset: "hub", claimNamespace: "" }, DEMO_ISSUER, undefined, process.cwd()),
    keys: { kind: "file", path: path.resolve(env.developmentJwks) },
    // Demo tokens are issued as RFC 9068 access tokens.
    tokenType: "at+jwt",
    audiences: [DEFAULT_AUDIENCE, ...env.audiences.filter((a) => a !== DEFAULT_AUDIENCE)],
    development: true,
  };
}

/**
 * The trusted issuers. The development provider is trusted only in demo mode (and then always, so
 * the persona sign-in keeps working beside a real provider); outside it a configuration naming it,
 * or with no issuer at all, stops the gateway at start.
 */
export function identityConfig(env: IdentityEnv): IdentityConfig {
  const named = env.issuers.filter((i) => i !== DEMO_ISSUER);
  if (env.providersFile && env.issuers.length > 0) {
    throw new Error("Invalid configuration: set HUB_ISSUER or HUB_IDENTITY_PROVIDERS, not both");
  }
  if (env.jwks !== undefined && named.length > 1) {
    throw new Error(
      "Invalid configuration: HUB_JWKS names the keys of one issuer; list several in HUB_IDENTITY_PROVIDERS",
    );
  }
  if (!env.demoMode) {
    if (env.issuers.includes(DEMO_ISSUER)) {
      throw new Error(
        `Invalid configuration: HUB_ISSUER: the development issuer ${DEMO_ISSUER} is trusted only with HUB_DEMO_MODE=true`,
      );
    }
    if (!env.providersFile && named.length === 0) {
      throw new Error(
        "Invalid configuration: HUB_ISSUER: name your identity provider's issuer URL (or HUB_IDENTITY_PROVIDERS); the development provider is trusted only with HUB_DEMO_MODE=true",
      );
    }
  }
  for (const issuer of named) {
    const checked = issuerUrl.safeParse(issuer);
    if (!checked.success)
      throw new Error(`Invalid configuration: HUB_ISSUER: ${issuer} ${checked.error.issues[0]?.message}`);
  }
  const configured = env.providersFile
    ? fromFile(env, path.resolve(env.providersFile))
    : named.map((issuer) => fromEnvFor(env, issuer, env.jwks, process.cwd()));
  const developmentJwks = path.resolve(env.developmentJwks);
  if (!env.demoMode) {
    const usesDevelopmentKeys = configured.find(
      (i) => i.keys.kind === "file" && (i.keys.path === developmentJwks || isDevelopmentKeySet(i.keys.path)),
    );
    if (usesDevelopmentKeys) {
      throw new Error(
        `Invalid configuration: the keys of ${usesDevelopmentKeys.issuer} are the development provider's; trusted only with HUB_DEMO_MODE=true`,
      );
    }
  }
  // The development provider alone when demo mode names no issuer, as `npm start` does by default.
  const issuers = env.demoMode ? [developmentIssuer(env), ...configured] : configured;
  return {
    issuers,
    maxTokenChars: env.maxTokenChars,
    publicUrl: env.publicUrl ? new URL(env.publicUrl) : null,
  };
}

/**
 * Whether a key file holds the development provider's keys, wherever it was copied to (a container
 * mounts them elsewhere): marked so by ensureDevKey, or, for files written before the mark, by the
 * key id it gives them. A file that cannot be read is left to the key loader to report.
 */
function isDevelopmentKeySet(file: string): boolean {
  try {
    const set = JSON.parse(readFileSync(file, "utf8")) as { [DEVELOPMENT_MARK]?: unknown; keys?: { kid?: unknown }[] };
    if (set[DEVELOPMENT_MARK] === true) return true;
    return (set.keys ?? []).some(
      (k) => typeof k.kid === "string" && /^idp-\d{4}-\d{2}-\d{2}-[a-z0-9]{1,8}$/.test(k.kid),
    );
  } catch {
    return false;
  }
}
