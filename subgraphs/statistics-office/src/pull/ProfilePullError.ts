/** Why a profile pull stored nothing: one kind per thing the operator does next, and a message that says it. */

export type ProfilePullFailure =
  /** The Statistics Office's own database cannot be opened, or holds no profile store yet. */
  | "STORE_UNAVAILABLE"
  /** No such template in the Statistics Office's store. */
  | "UNKNOWN_TEMPLATE"
  /** The gateway did not answer (down, wrong URL, timeout). */
  | "GATEWAY_UNREACHABLE"
  /** The gateway or a policy refused the caller: token, purpose, agreement, rule. */
  | "REFUSED"
  /** The source agency refused the arguments: an indicator it does not serve, a year outside its records. */
  | "SOURCE_REFUSED_INPUT"
  /** The source agency's subgraph did not answer the gateway. */
  | "SOURCE_UNAVAILABLE"
  /** The gateway answered with another error (rate limit, a schema without the source field, a fault). */
  | "GATEWAY_ERROR"
  /** The table was protected under another regime than the indicator's definition says. */
  | "REGIME_MISMATCH"
  /** The answer is not a table the contract describes, or breaks the rules it was published under. */
  | "INVALID_TABLE";

export class ProfilePullError extends Error {
  constructor(
    readonly failure: ProfilePullFailure,
    message: string,
  ) {
    super(message);
  }
}
