/**
 * The reasons the gateway's authenticate stage records when it refuses a token
 * (`AuditAuthentication.reason`). A plain module without imports, so that the auditor console can
 * bundle it: the console explains a refusal with the same words as docs/audit.md, which a test keeps
 * in step. The gateway may record a reason not listed here (the field is a string); the console then
 * shows the code alone.
 */

export interface AuthenticationReasonInfo {
  /** The error code the caller received. */
  readonly code: "UNAUTHENTICATED" | "AUTHENTICATION_UNAVAILABLE";
  /** What happened, for an auditor. */
  readonly meaning: string;
}

export const AUTHENTICATION_REASONS = {
  "missing-token": { code: "UNAUTHENTICATED", meaning: "no Authorization header, or an empty one" },
  "wrong-scheme": { code: "UNAUTHENTICATED", meaning: "an Authorization header other than `Bearer <JWT>`" },
  "token-too-long": { code: "UNAUTHENTICATED", meaning: "a token longer than the configured size limit" },
  "not-a-jwt": { code: "UNAUTHENTICATED", meaning: "a token that is not three base64url parts of a JWT" },
  "unknown-issuer": { code: "UNAUTHENTICATED", meaning: "a token from an issuer the gateway does not trust" },
  "wrong-audience": { code: "UNAUTHENTICATED", meaning: "a token issued for another audience than the hub" },
  expired: { code: "UNAUTHENTICATED", meaning: "a token past its expiry (beyond the clock tolerance)" },
  "not-yet-valid": { code: "UNAUTHENTICATED", meaning: "a token whose `nbf` or `iat` lies in the future" },
  "wrong-type": {
    code: "UNAUTHENTICATED",
    meaning: "a token whose `typ` header is not `at+jwt` where that is required",
  },
  algorithm: { code: "UNAUTHENTICATED", meaning: "a token signed with an algorithm the issuer is not trusted for" },
  "unknown-key": {
    code: "UNAUTHENTICATED",
    meaning: "a token signed with a key id the issuer does not publish (after a refresh of its keys)",
  },
  "distrusted-key": { code: "UNAUTHENTICATED", meaning: "a token signed with a key an operator distrusted" },
  "bad-signature": {
    code: "UNAUTHENTICATED",
    meaning: "a token whose signature does not verify with the issuer's key",
  },
  "claims-unfit": {
    code: "UNAUTHENTICATED",
    meaning: "a verified token whose claims do not describe a caller of the hub (agency, role, purposes)",
  },
  "no-purpose-in-scope": {
    code: "UNAUTHENTICATED",
    meaning: "a verified token whose scopes leave none of the caller's purposes",
  },
  "dpop-required": {
    code: "UNAUTHENTICATED",
    meaning: "a token bound to a key (`cnf.jkt`) presented without a DPoP proof, or as a plain bearer token",
  },
  "dpop-invalid": {
    code: "UNAUTHENTICATED",
    meaning: "a DPoP proof that does not verify, or does not match the token, method or URL",
  },
  "dpop-replayed": { code: "UNAUTHENTICATED", meaning: "a DPoP proof already used (its `jti` was seen before)" },
  "dpop-refused": {
    code: "UNAUTHENTICATED",
    meaning:
      "a sender-constrained token where the issuer is set to refuse them, or bound in a way the hub cannot check",
  },
  "dpop-unavailable": {
    code: "AUTHENTICATION_UNAVAILABLE",
    meaning: "the store of used DPoP proofs (Redis) did not answer, so no proof could be checked",
  },
  malformed: {
    code: "UNAUTHENTICATED",
    meaning: "a JWT whose header or claims cannot be read, or of a kind not supported",
  },
  "claim-rejected": {
    code: "UNAUTHENTICATED",
    meaning: "a verified signature but a registered claim the issuer's settings do not accept",
  },
  "keys-unavailable": {
    code: "AUTHENTICATION_UNAVAILABLE",
    meaning: "the issuer's keys could not be obtained (provider unreachable, stale keys past their bound)",
  },
} as const satisfies Record<string, AuthenticationReasonInfo>;

export type AuthenticationReason = keyof typeof AUTHENTICATION_REASONS;

export const isAuthenticationReason = (value: string): value is AuthenticationReason =>
  Object.prototype.hasOwnProperty.call(AUTHENTICATION_REASONS, value);
