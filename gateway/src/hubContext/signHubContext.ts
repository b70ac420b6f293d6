/**
 * Signs the short-lived hub-context token the gateway sends with each subgraph fetch (R7-1):
 * audience = that subgraph, carrying the principal, purpose and request id, and bound by its `op`
 * claim to the one operation (query and variables) of that fetch.
 */
import { SignJWT } from "jose";
import {
  HUB_CONTEXT_ISSUER,
  HUB_CONTEXT_TYPE,
  hubContextOperationHash,
  type HubContextRequestClaims,
  type SubgraphOperation,
} from "@hub/contracts";
import type { SigningKey } from "../auth/devKeys";

export type HubContextSigner = (
  subgraph: string,
  claims: HubContextRequestClaims,
  operation: SubgraphOperation,
) => Promise<string>;

/** `key` is imported once (loadSigningKey), so a fetch costs one hash and one EdDSA signature. */
export function createHubContextSigner(key: SigningKey, ttlSeconds: number): HubContextSigner {
  const header = { alg: key.alg, kid: key.kid, typ: HUB_CONTEXT_TYPE };
  return (subgraph, claims, operation) => {
    // One clock reading for both, so that exp - iat is exactly the TTL the subgraphs enforce.
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, op: hubContextOperationHash(operation) })
      .setProtectedHeader(header)
      .setIssuer(HUB_CONTEXT_ISSUER)
      .setAudience(subgraph)
      .setSubject(claims.principal.subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(key.key);
  };
}
