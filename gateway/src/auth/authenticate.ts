/**
 * The authenticate stage: a verified identity token becomes the request's principal and the
 * provenance the audit keeps, or a refusal that is logged and audited with its reason.
 */
import type { Logger } from "pino";
import { ERROR_CODES } from "@hub/contracts";
import { type Authenticated, type Received, type Refused, refusal } from "../pipeline/stages";
import { tokenRejection } from "./tokenRejection";
import type { TokenRefused } from "./TokenRefused";
import type { TokenRequest, TokenVerifier } from "./verifyToken";

export interface AuthenticateOptions {
  verifyToken: TokenVerifier;
  log: Logger;
  /** The gateway's /graphql URL as clients call it (HUB_PUBLIC_URL); else from the Host header. */
  publicUrl: URL | null;
}

/** The DPoP header values: Node joins repeated headers with ", ", and a JWT holds no comma. */
const dpopProofs = (value: string | undefined): string[] =>
  value === undefined ? [] : value.split(",").map((v) => v.trim());

function requestUrl(request: Received, publicUrl: URL | null): string {
  if (publicUrl) return `${publicUrl.origin}${publicUrl.pathname}`;
  const scheme = request.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  return `${scheme}://${request.headers.host ?? "localhost"}/graphql`;
}

export async function authenticate(request: Received, options: AuthenticateOptions): Promise<Authenticated | Refused> {
  const tokenRequest: TokenRequest = {
    authorization: request.headers.authorization,
    dpop: dpopProofs(request.headers.dpop),
    method: request.method,
    url: requestUrl(request, options.publicUrl),
  };
  try {
    const { principal, caller } = await options.verifyToken(tokenRequest);
    return { ...request, principal, caller };
  } catch (error) {
    const refused = tokenRejection(error);
    const code = refused.extensions.code as TokenRefused["extensions"]["code"] & keyof typeof ERROR_CODES;
    // The reason, never the token: an operator reads why, an attacker learns nothing new.
    options.log[code === "AUTHENTICATION_UNAVAILABLE" ? "warn" : "info"](
      {
        requestId: request.requestId,
        reason: refused.reason,
        ...(refused.detail ? { detail: refused.detail } : {}),
        issuer: refused.issuer,
        keyId: refused.keyId,
      },
      "token rejected",
    );
    const answer = refusal("authenticate", request, code, ERROR_CODES[code].status, refused.message, {
      reason: refused.reason,
    });
    const known = {
      ...answer,
      authentication: { reason: refused.reason, issuer: refused.issuer, keyId: refused.keyId },
    };
    return answer.status === 401
      ? { ...known, headers: { "www-authenticate": refused.challenge ?? bearerChallenge(request, refused.message) } }
      : known;
  }
}

/**
 * The RFC 6750 challenge of a 401: without credentials only the scheme and realm (section 3.1),
 * with a token that failed `invalid_token` and why, quoted safely (the message never holds the token).
 */
function bearerChallenge(request: Received, message: string): string {
  const realm = 'Bearer realm="migration-hub"';
  if (!request.headers.authorization?.trim()) return realm;
  const description = message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "");
  return `${realm}, error="invalid_token", error_description="${description}"`;
}
