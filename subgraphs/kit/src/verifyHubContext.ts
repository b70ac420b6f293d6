/**
 * Verifies the hub-context token the gateway signs for each subgraph call (R7-1): signature by
 * the gateway's key, its type (`typ`), this subgraph as audience, short lifetime, and well-formed claims.
 */
import { readFileSync } from "node:fs";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { HUB_CONTEXT_ISSUER, HUB_CONTEXT_TYPE, hubContextClaimsSchema, type HubContextClaims } from "@hub/contracts";

export type HubContextVerifier = (token: string | undefined) => Promise<HubContextClaims>;

export class HubContextError extends Error {}

export function loadJwks(filePath: string): JSONWebKeySet {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch {
    throw new Error(`Cannot read the gateway's public keys (HUB_CONTEXT_JWKS) at ${filePath}`);
  }
  const jwks = JSON.parse(text) as JSONWebKeySet;
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) {
    throw new Error(`No keys in the gateway's public key set at ${filePath}`);
  }
  return jwks;
}

export function createHubContextVerifier(jwks: JSONWebKeySet, audience: string): HubContextVerifier {
  const keySet = createLocalJWKSet(jwks);
  return async (token) => {
    if (!token) throw new HubContextError("missing hub-context token");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: HUB_CONTEXT_ISSUER,
        audience,
        typ: HUB_CONTEXT_TYPE,
        algorithms: ["EdDSA"],
        maxTokenAge: "5m",
        requiredClaims: ["exp", "iat", "principal", "purpose", "requestId"],
      }));
    } catch (error) {
      throw new HubContextError(`invalid hub-context token: ${(error as Error).message}`);
    }
    const claims = hubContextClaimsSchema.safeParse(payload);
    if (!claims.success) throw new HubContextError("malformed hub-context claims");
    return claims.data;
  };
}
