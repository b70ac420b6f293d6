/**
 * Authenticates a caller: verifies the bearer JWT against the identity provider's keys with an
 * issuer, audience and algorithm allow-list, and maps its claims to a hub principal. A token that
 * verified is not verified again until it expires (VerifiedTokenCache).
 */
import { readFileSync } from "node:fs";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { isAgency, isForeignAuthorityId, principalSchema, type Principal } from "@hub/contracts";
import type { GatewayConfig } from "../config";
import { hubError } from "../errors";
import { VerifiedTokenCache } from "./VerifiedTokenCache";

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/** Longest bearer token accepted: far above any real access token, and a bound on work per request. */
export const MAX_TOKEN_CHARS = 8192;

/** The identity provider's keys could not be fetched: nothing is known of the token yet. */
class KeysUnavailable extends Error {}

/** What jose reports about the token against keys it did obtain; anything else is a failure to fetch them. */
const TOKEN_KEY_ERRORS = new Set([errors.JWKSNoMatchingKey.code, errors.JWKSMultipleMatchingKeys.code]);

/**
 * A remote key set whose fetch failures (refused connection, timeout, a 404 or 5xx, a body that is
 * not a key set) are told apart from the token's own faults, so that they answer 503 rather than
 * blaming the caller's token.
 */
function remoteKeySet(url: URL): JWTVerifyGetKey {
  const keys = createRemoteJWKSet(url, { timeoutDuration: 5000, cooldownDuration: 30_000 });
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_KEY_ERRORS.has(error.code)) throw error;
      throw new KeysUnavailable("identity provider keys unavailable", { cause: error });
    }
  };
}

function loadKeySet(jwks: GatewayConfig["jwks"]): JWTVerifyGetKey {
  switch (jwks.kind) {
    case "url":
      return remoteKeySet(jwks.url);
    case "file": {
      let set: JSONWebKeySet;
      try {
        set = JSON.parse(readFileSync(jwks.path, "utf8")) as JSONWebKeySet;
      } catch {
        throw new Error(`Cannot read the identity provider's keys (HUB_JWKS) at ${jwks.path}`);
      }
      return createLocalJWKSet(set);
    }
  }
}

export function createTokenVerifier(config: GatewayConfig, cache = new VerifiedTokenCache()): TokenVerifier {
  const keySet = loadKeySet(config.jwks);
  return async (authorization) => {
    const token = bearerToken(authorization);
    const known = cache.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        requiredClaims: ["sub", "exp", "iat"],
        clockTolerance: 30,
      }));
    } catch (error) {
      throw rejection(error);
    }
    // Only a token that verified and describes a principal is kept; a refusal is decided afresh.
    return cache.set(token, principalFromClaims(payload, config.claimNamespace, config.country), payload.exp);
  };
}

/** The token of an `Authorization: Bearer` header, each way of getting it wrong told apart. */
function bearerToken(authorization: string | undefined): string {
  const value = authorization?.trim() ?? "";
  if (value === "") throw hubError("UNAUTHENTICATED", "A bearer token is required (Authorization: Bearer <JWT>).");
  const [scheme = "", token = "", ...rest] = value.split(/\s+/);
  if (scheme.toLowerCase() !== "bearer" || rest.length > 0) {
    throw hubError("UNAUTHENTICATED", 'The Authorization header must be "Bearer <JWT>".');
  }
  if (token.length > MAX_TOKEN_CHARS) {
    throw hubError("UNAUTHENTICATED", `The bearer token is longer than ${MAX_TOKEN_CHARS} characters.`);
  }
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
    throw hubError("UNAUTHENTICATED", "The bearer token is not a JWT (three base64url parts).");
  }
  return token;
}

/** Turns jose's typed errors into one client-facing error each; the token's content is never echoed. */
function rejection(error: unknown) {
  if (error instanceof KeysUnavailable) {
    return hubError("AUTHENTICATION_UNAVAILABLE", "The identity provider's keys cannot be obtained; try again later.");
  }
  if (!(error instanceof errors.JOSEError)) return hubError("UNAUTHENTICATED", "The token could not be verified.");
  switch (error.code) {
    case errors.JWTExpired.code:
      return hubError("UNAUTHENTICATED", "The token has expired.");
    case errors.JWTClaimValidationFailed.code:
      return hubError(
        "UNAUTHENTICATED",
        `The token's "${(error as errors.JWTClaimValidationFailed).claim}" claim is not accepted.`,
      );
    case errors.JOSEAlgNotAllowed.code:
      return hubError("UNAUTHENTICATED", "The token's signing algorithm is not accepted.");
    case errors.JWKSNoMatchingKey.code:
      return hubError("UNAUTHENTICATED", "The token's key id is not one of the identity provider's keys.");
    case errors.JWSSignatureVerificationFailed.code:
      return hubError("UNAUTHENTICATED", "The token's signature is invalid.");
    case errors.JWKSTimeout.code:
    case errors.JWKSInvalid.code:
      return hubError(
        "AUTHENTICATION_UNAVAILABLE",
        "The identity provider's keys cannot be obtained; try again later.",
      );
    default:
      return hubError("UNAUTHENTICATED", "The token is malformed or not supported.");
  }
}

const unfit = (field: string) =>
  hubError("UNAUTHENTICATED", `The token's claims do not describe a hub principal ("${field}" is missing or invalid).`);

/**
 * The principal a verified token describes. A domestic caller's token names its agency (`agency`);
 * a foreign caller's names its authority instead (`authority`, e.g. `TR-PMM`, R14-2), and its
 * `country` must be the one that id begins with and not the hub's. A token naming both, or either
 * in the other's form, is refused: who the caller acts for is never guessed.
 */
export function principalFromClaims(payload: JWTPayload, namespace: string, hubCountry: string): Principal {
  const claim = (name: string): unknown => payload[`${namespace}${name}`];
  const agency = claim("agency");
  const authority = claim("authority");
  if (agency !== undefined && authority !== undefined) throw unfit("authority");
  if (authority === undefined ? !isAgency(agency) : !isForeignAuthorityId(authority)) {
    throw unfit(authority === undefined ? "agency" : "authority");
  }
  const parsed = principalSchema.safeParse({
    subject: payload.sub,
    agency: authority ?? agency,
    role: claim("role"),
    purposes: claim("purposes"),
    country: claim("country"),
    cases: claim("cases") ?? [],
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "claims");
    throw unfit(field === "agency" && authority !== undefined ? "authority" : field);
  }
  // An authority of the hub's own country would be a domestic agency under another name.
  if (authority !== undefined && parsed.data.country === hubCountry) throw unfit("country");
  return parsed.data;
}
