/** How the hub treats sender-constrained (DPoP, RFC 9449) access tokens, and the limits on a proof. */

/**
 * `verify`: a DPoP-bound token is accepted only with a valid proof of its key; `refuse`: the hub does not
 * accept sender-constrained tokens at all. Neither mode ever lets a bound token pass as a bearer token.
 */
export type DpopMode = "verify" | "refuse";

export interface DpopSettings {
  mode: DpopMode;
  /** Proof signing algorithms accepted; only asymmetric ones (DPOP_ALGORITHMS) can ever be. */
  algorithms: string[];
  /** How long after its `iat` a proof is accepted, and so how long its `jti` is remembered. */
  proofMaxAgeSeconds: number;
  /** Allowed difference between the client's clock and the hub's, either way. */
  clockToleranceSeconds: number;
}

/**
 * Every asymmetric JWS algorithm a proof may be signed with (RFC 9449 §4.2: never `none` nor a MAC).
 * `Ed25519` is the fully-specified name of `EdDSA` over Ed25519 (RFC 9864), which current DPoP clients send.
 */
export const DPOP_ALGORITHMS: readonly string[] = [
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
];

/**
 * A proof is made for each request just before it is sent (RFC 9449 §4.2), so only clock skew and transit
 * separate its `iat` from the hub's clock. RFC 9449 §11.1 bounds replay by accepting a proof only within a
 * brief window (seconds or minutes) and remembering its `jti` for that window: 60 seconds, with 5 seconds
 * of skew either way, keeps a captured proof useful for at most about a minute and the replay store small,
 * while a client whose clock is a little off is not refused.
 */
export const DEFAULT_DPOP: DpopSettings = {
  mode: "verify",
  algorithms: ["ES256", "EdDSA", "Ed25519", "RS256", "PS256"],
  proofMaxAgeSeconds: 60,
  clockToleranceSeconds: 5,
};

/** Longest `DPoP` header value read: a proof with a 4,096-bit RSA key fits well within it. */
export const MAX_PROOF_CHARS = 4096;
