/**
 * Signs the short-lived hub-context token the gateway sends with each subgraph call (R7-1):
 * audience = that subgraph, carrying the principal, purpose and request id.
 */
import { SignJWT } from "jose";
import { HUB_CONTEXT_ISSUER, HUB_CONTEXT_TYPE, type HubContextClaims } from "@hub/contracts";
import type { SigningKey } from "../auth/devKeys";

export type HubContextSigner = (subgraph: string, claims: HubContextClaims) => Promise<string>;

export function createHubContextSigner(key: SigningKey, ttlSeconds: number): HubContextSigner {
  return (subgraph, claims) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: HUB_CONTEXT_TYPE })
      .setIssuer(HUB_CONTEXT_ISSUER)
      .setAudience(subgraph)
      .setSubject(claims.principal.subject)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key.key);
}
