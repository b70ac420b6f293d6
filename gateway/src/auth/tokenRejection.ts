/** Turns what verifying a token threw into one refusal each, with a stable reason; the token's content is never echoed. */
import { errors } from "jose";
import { ClaimsUnfit } from "./claims";
import { DpopRejected } from "./dpop";
import { KeyDistrusted, KeysUnavailable } from "./keys";
import { keysUnavailable, TokenRefused, unauthenticated } from "./TokenRefused";

function claimRejection(claim: string): TokenRefused {
  switch (claim) {
    case "aud":
      return unauthenticated("wrong-audience", 'The token\'s "aud" claim is not accepted.');
    case "iss":
      return unauthenticated("unknown-issuer", 'The token\'s "iss" claim is not accepted.');
    case "nbf":
    case "iat":
      return unauthenticated("not-yet-valid", `The token's "${claim}" claim is not accepted (not valid yet).`);
    case "typ":
      return unauthenticated("wrong-type", 'The token\'s type ("typ" header) must be at+jwt (RFC 9068).');
    default:
      return unauthenticated("claim-rejected", `The token's "${claim.slice(0, 40)}" claim is not accepted.`);
  }
}

/** The audit's coarse DPoP reasons; the message says which rule of RFC 9449 the request broke. */
function dpopRejection(error: DpopRejected): TokenRefused {
  const detail = { detail: error.reason };
  if (error.unavailable) {
    return new TokenRefused("AUTHENTICATION_UNAVAILABLE", "dpop-unavailable", error.message, detail);
  }
  switch (error.reason) {
    case "bound-token-as-bearer":
    case "unbound-token-as-dpop":
    case "proof-missing":
      return unauthenticated("dpop-required", error.message, detail);
    case "proof-replayed":
      return unauthenticated("dpop-replayed", error.message, detail);
    case "sender-constraint-refused":
    case "unsupported-confirmation":
      return unauthenticated("dpop-refused", error.message, detail);
    default:
      return unauthenticated("dpop-invalid", error.message, detail);
  }
}

export function tokenRejection(error: unknown): TokenRefused {
  if (error instanceof TokenRefused) return error;
  if (error instanceof KeysUnavailable) return keysUnavailable();
  if (error instanceof KeyDistrusted) {
    return unauthenticated("distrusted-key", "The token's signing key is no longer trusted by this hub.");
  }
  if (error instanceof ClaimsUnfit) {
    return unauthenticated(error.reason === "no-purpose-in-scope" ? error.reason : "claims-unfit", error.message);
  }
  if (error instanceof DpopRejected) return dpopRejection(error);
  if (!(error instanceof errors.JOSEError)) return unauthenticated("malformed", "The token could not be verified.");
  switch (error.code) {
    case errors.JWTExpired.code:
      return unauthenticated("expired", "The token has expired.");
    case errors.JWTClaimValidationFailed.code:
      return claimRejection((error as errors.JWTClaimValidationFailed).claim);
    case errors.JOSEAlgNotAllowed.code:
      return unauthenticated("algorithm", "The token's signing algorithm is not accepted.");
    case errors.JWKSNoMatchingKey.code:
    case errors.JWKSMultipleMatchingKeys.code:
      return unauthenticated("unknown-key", "The token's key id is not one of the identity provider's keys.");
    case errors.JWSSignatureVerificationFailed.code:
      return unauthenticated("bad-signature", "The token's signature is invalid.");
    case errors.JWKSTimeout.code:
    case errors.JWKSInvalid.code:
      return keysUnavailable();
    default:
      return unauthenticated("malformed", "The token is malformed or not supported.");
  }
}
