/**
 * Authenticates a caller: finds the trusted issuer the token names, verifies the JWT against that
 * issuer's keys with its audiences, algorithms, token type and clock tolerance, maps its claims to
 * a hub principal (claims/), and checks a DPoP proof when the token is sender-constrained (dpop/).
 * A token that verified is not verified again until it expires, unless its key stops being trusted
 * (VerifiedTokenCache); a DPoP proof is checked on every request, since each is single-use.
 */
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import type { AuditCaller, Principal } from "@hub/contracts";
import { mapClaims } from "./claims";
import { checkDpop, dpopChallenge, DpopRejected, type DpopReplayStore } from "./dpop";
import type { IdentityConfig } from "./identityConfig";
import { presentedToken, type PresentedToken } from "./presentedToken";
import { tokenRejection } from "./tokenRejection";
import { unauthenticated } from "./TokenRefused";
import type { TrustedIssuer, TrustedIssuers } from "./TrustedIssuers";
import { VerifiedTokenCache } from "./VerifiedTokenCache";

/** What the audit record keeps of who called. */
export type CallerProvenance = AuditCaller;

export interface VerifiedCaller {
  principal: Principal;
  caller: CallerProvenance;
}

/** The parts of a request authentication reads. */
export interface TokenRequest {
  authorization: string | undefined;
  /** Every DPoP header value received. */
  dpop: readonly string[];
  method: string;
  /** The request's URL as the client addressed it, without query (the `htu` of a DPoP proof); null when unknown. */
  url: string | null;
}

export type TokenVerifier = (request: TokenRequest) => Promise<VerifiedCaller>;

/** What the cache keeps of a verified token. */
export interface VerifiedToken {
  principal: Principal;
  caller: Omit<CallerProvenance, "binding">;
  /**
   * The token's `cnf` claim as it was (undefined when absent), for checkDpop to judge: any other
   * shape than an object with `jkt` is a binding the hub cannot check, never "no binding".
   */
  cnf: unknown;
}

/** A kid is kept for the audit only when it is a plausible key id, not whatever a forger put there. */
const plausibleId = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 && value.length <= 200 && /^[\x21-\x7e]+$/.test(value) ? value : null;

/** The header and claims before verification: only to find the issuer and key; nothing else is believed. */
function peek(token: string): { kid: string | null; issuer: unknown } {
  try {
    return { kid: plausibleId(decodeProtectedHeader(token).kid), issuer: decodeJwt(token).iss };
  } catch {
    throw unauthenticated("malformed", "The token is malformed or not supported.");
  }
}

async function verifyWith(
  trusted: TrustedIssuer,
  token: string,
  kid: string | null,
  country: string,
): Promise<{ verified: VerifiedToken; exp: number | undefined }> {
  const { settings } = trusted;
  const { payload } = await jwtVerify(token, trusted.keys.getKey, {
    issuer: settings.issuer,
    audience: settings.audiences,
    algorithms: settings.algorithms,
    requiredClaims: ["sub", "exp", "iat"],
    clockTolerance: settings.clockToleranceSeconds,
    ...(settings.tokenType ? { typ: settings.tokenType } : {}),
  });
  const mapped = mapClaims(payload, settings.claims, country);
  const verified: VerifiedToken = {
    principal: mapped.principal,
    caller: {
      issuer: settings.issuer,
      clientId: mapped.clientId,
      tokenId: plausibleId(payload.jti),
      keyId: kid,
      onBehalfOf: mapped.onBehalfOf,
      delegation: mapped.delegation,
    },
    cnf: payload.cnf,
  };
  return { verified, exp: payload.exp };
}

/**
 * The kid a refusal names (the log and the audit keep it): only one the issuer publishes or the
 * operator distrusted, so a forger cannot write a text of their choosing into the audit record.
 */
function knownKeyId(trusted: TrustedIssuer, kid: string | null): string | null {
  if (kid === null) return null;
  const { keyIds, distrusted } = trusted.keys.status();
  return keyIds.includes(kid) || distrusted.includes(kid) ? kid : null;
}

export function createTokenVerifier(
  identity: IdentityConfig,
  issuers: TrustedIssuers,
  country: string,
  replay: DpopReplayStore,
  cache = new VerifiedTokenCache<VerifiedToken>(),
): TokenVerifier {
  const verified = async (presented: PresentedToken) => {
    const known = cache.get(presented.token);
    if (known && issuers.trusts(known.caller.issuer, known.caller.keyId)) return known;
    const { kid, issuer } = peek(presented.token);
    const trusted = issuers.get(issuer);
    if (!trusted) throw unauthenticated("unknown-issuer", 'The token\'s "iss" claim is not a trusted issuer.');
    try {
      const { verified: fresh, exp } = await verifyWith(trusted, presented.token, kid, country);
      // Only a token that verified and describes a principal is kept; a refusal is decided afresh.
      // A token without a kid is not kept: the cache could not tell when the key that verified it
      // is removed or distrusted, so it is verified each time.
      return cache.set(presented.token, fresh, kid === null ? undefined : exp);
    } catch (error) {
      throw tokenRejection(error).naming(trusted.settings.issuer, knownKeyId(trusted, kid));
    }
  };

  return async (request) => {
    const presented = presentedToken(request.authorization, identity.maxTokenChars);
    const { principal, caller, cnf } = await verified(presented);
    const trusted = issuers.get(caller.issuer);
    if (!trusted) throw unauthenticated("unknown-issuer", 'The token\'s "iss" claim is not a trusted issuer.');
    const dpop = trusted.settings.dpop;
    if (request.url === null && (cnf !== null || presented.scheme === "dpop")) {
      // Which address a proof must name is known only from HUB_PUBLIC_URL: never guessed from the request.
      throw unauthenticated(
        "dpop-refused",
        "This hub accepts sender-constrained (DPoP) tokens only once its address is configured (HUB_PUBLIC_URL).",
        { issuer: caller.issuer, keyId: caller.keyId },
      );
    }
    try {
      const bound = await checkDpop(
        {
          scheme: presented.scheme,
          accessToken: presented.token,
          payload: cnf === undefined ? {} : ({ cnf } as JWTPayload),
          proofs: [...request.dpop],
          method: request.method,
          url: request.url ?? "",
        },
        dpop,
        replay,
      );
      return { principal, caller: { ...caller, binding: bound ? "dpop" : "bearer" } };
    } catch (error) {
      const refused = tokenRejection(error).naming(caller.issuer, caller.keyId);
      // A refused proof answers with the DPoP challenge (RFC 9449 §7.1); a store that failed is a 503.
      if (error instanceof DpopRejected && !error.unavailable) {
        throw refused.challenging(dpopChallenge(dpop, error, "migration-hub"));
      }
      throw refused;
    }
  };
}
