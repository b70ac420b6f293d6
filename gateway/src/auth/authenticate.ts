/** The authenticate stage: a verified bearer token becomes the request's principal, or a refusal. */
import { GraphQLError } from "graphql";
import { ERROR_CODES, type ErrorCode } from "@hub/contracts";
import { type Authenticated, type Received, type Refused, refusal } from "../pipeline/stages";
import type { TokenVerifier } from "./verifyToken";

export async function authenticate(request: Received, verifyToken: TokenVerifier): Promise<Authenticated | Refused> {
  try {
    return { ...request, principal: await verifyToken(request.headers.authorization) };
  } catch (error) {
    const code = error instanceof GraphQLError ? String(error.extensions.code ?? "") : "";
    const known = (Object.hasOwn(ERROR_CODES, code) ? code : "UNAUTHENTICATED") as ErrorCode;
    const message = error instanceof GraphQLError ? error.message : "The token could not be verified.";
    const refused = refusal("authenticate", request, known, ERROR_CODES[known].status, message);
    return refused.status === 401
      ? { ...refused, headers: { "www-authenticate": bearerChallenge(request, message) } }
      : refused;
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
