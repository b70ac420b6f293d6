/**
 * Verifies the hub-context token the gateway signs for each subgraph fetch (R7-1): signature by
 * the gateway's key, its type (`typ`), this subgraph as audience, a lifetime no longer than
 * HUB_CONTEXT_TTL_SECONDS, well-formed claims, and (once the body is read) the operation it was
 * signed for.
 */
import { readFileSync } from "node:fs";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import {
  HUB_CONTEXT_CLOCK_TOLERANCE_SECONDS,
  HUB_CONTEXT_ISSUER,
  HUB_CONTEXT_TYPE,
  hubContextClaimsSchema,
  hubContextOperationHash,
  type HubContextClaims,
  type SubgraphOperation,
} from "@hub/contracts";

export type HubContextVerifier = (token: string | undefined) => Promise<HubContextClaims>;

/** Why a call was refused; the message never contains the token. */
export class HubContextError extends Error {}

export interface HubContextVerifierOptions {
  /** This subgraph's name: the only audience it accepts. */
  audience: string;
  /** HUB_CONTEXT_TTL_SECONDS: the longest lifetime (exp - iat) a token may have been given. */
  ttlSeconds: number;
  /** The clock, for tests that freeze it. */
  now?: () => Date;
}

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

export function createHubContextVerifier(jwks: JSONWebKeySet, options: HubContextVerifierOptions): HubContextVerifier {
  const keySet = createLocalJWKSet(jwks);
  const { audience, ttlSeconds, now } = options;
  return async (token) => {
    if (!token) throw new HubContextError("missing hub-context token");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: HUB_CONTEXT_ISSUER,
        audience,
        typ: HUB_CONTEXT_TYPE,
        algorithms: ["EdDSA"],
        // exp and iat are compared with this subgraph's clock, allowing for skew with the gateway's.
        maxTokenAge: ttlSeconds,
        clockTolerance: HUB_CONTEXT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["exp", "iat", "principal", "purpose", "requestId", "op"],
        ...(now ? { currentDate: now() } : {}),
      }));
    } catch (error) {
      throw new HubContextError(`invalid hub-context token: ${(error as Error).message}`);
    }
    // Both read from the gateway's one clock: a longer life than the setting means another signer or a leaked key.
    if ((payload.exp as number) - (payload.iat as number) > ttlSeconds) {
      throw new HubContextError(`hub-context token lives longer than HUB_CONTEXT_TTL_SECONDS (${ttlSeconds} s)`);
    }
    const claims = hubContextClaimsSchema.safeParse(payload);
    if (!claims.success) throw new HubContextError("malformed hub-context claims");
    return claims.data;
  };
}

/** Refuses a parsed request body that is not the one operation the token's `op` claim was signed for. */
export function checkOperationBinding(claims: HubContextClaims, body: unknown): void {
  if (!isOperation(body)) throw new HubContextError("request body is not one GraphQL operation");
  if (hubContextOperationHash(body) !== claims.op) {
    throw new HubContextError("hub-context token was signed for another operation");
  }
}

function isOperation(body: unknown): body is SubgraphOperation {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const { query, operationName, variables } = body as Record<string, unknown>;
  return (
    typeof query === "string" &&
    (operationName === undefined || operationName === null || typeof operationName === "string") &&
    (variables === undefined || variables === null || (typeof variables === "object" && !Array.isArray(variables)))
  );
}
