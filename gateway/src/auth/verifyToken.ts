/**
 * Authenticates a caller: verifies the bearer JWT against the identity provider's keys with an
 * issuer, audience and algorithm allow-list, and maps its claims to a hub principal. A token that
 * verified is not verified again until it expires (VerifiedTokenCache).
 */
import { readFileSync } from "node:fs";
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { isAgency, isForeignAuthorityId, principalSchema, type Principal } from "@hub/contracts";
import type { GatewayConfig } from "../config";
import { hubError } from "../errors";
import { VerifiedTokenCache } from "./VerifiedTokenCache";

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

type KeySet = ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;

function loadKeySet(jwks: GatewayConfig["jwks"]): KeySet {
  switch (jwks.kind) {
    case "url":
      return createRemoteJWKSet(jwks.url, { timeoutDuration: 5000, cooldownDuration: 30_000 });
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
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,8192})$/i.exec(authorization?.trim() ?? "");
    const token = match?.[1];
    if (!token) throw hubError("UNAUTHENTICATED", "A bearer token is required (Authorization: Bearer <JWT>).");
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

/** Turns jose's typed errors into one client-facing error each; the token's content is never echoed. */
function rejection(error: unknown) {
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
