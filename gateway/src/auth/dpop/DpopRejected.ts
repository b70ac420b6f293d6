/** Why a request's DPoP binding or proof was refused: a reason for logs and the audit, a message for the caller. */

/** Each way a request can fail the DPoP rules, for logs and the audit record (never holds the token). */
export type DpopRejectionReason =
  | "bound-token-as-bearer"
  | "unbound-token-as-dpop"
  | "unsupported-confirmation"
  | "sender-constraint-refused"
  | "proof-missing"
  | "proof-multiple"
  | "proof-too-large"
  | "proof-malformed"
  | "proof-typ"
  | "proof-alg"
  | "proof-jwk"
  | "proof-signature"
  | "proof-claims"
  | "proof-htm"
  | "proof-htu"
  | "proof-iat-stale"
  | "proof-iat-future"
  | "proof-ath"
  | "proof-key-mismatch"
  | "proof-replayed"
  | "replay-store-unavailable";

/** The RFC 9449 §7.1 error code of the challenge: the proof itself is at fault, or the token's use of it. */
export type DpopErrorCode = "invalid_dpop_proof" | "invalid_token";

const TOKEN_FAULTS: ReadonlySet<DpopRejectionReason> = new Set([
  "bound-token-as-bearer",
  "unbound-token-as-dpop",
  "unsupported-confirmation",
  "sender-constraint-refused",
]);

export class DpopRejected extends Error {
  override readonly name = "DpopRejected";
  /** True when nothing is known to be wrong with the request: the replay store could not answer (answer 503). */
  readonly unavailable: boolean;
  readonly error: DpopErrorCode;

  /** `message` is safe to show the caller: it never holds the token or the proof. */
  constructor(
    readonly reason: DpopRejectionReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.unavailable = reason === "replay-store-unavailable";
    this.error = TOKEN_FAULTS.has(reason) ? "invalid_token" : "invalid_dpop_proof";
  }
}
