/**
 * A refused token: the client-facing error (code, message, and a stable `reason` in its
 * extensions) with what the audit record and the log keep beside it — the configured issuer and
 * key id the token named, never the token or any unverified value of it.
 */
import { GraphQLError } from "graphql";
import { ERROR_CODES } from "@hub/contracts";

export type RefusalCode = "UNAUTHENTICATED" | "AUTHENTICATION_UNAVAILABLE";

export interface RefusalDetail {
  /** A trusted issuer the token named (null when it named none of them). */
  issuer?: string | null;
  keyId?: string | null;
  /** The WWW-Authenticate value when it is not the plain Bearer challenge (DPoP refusals). */
  challenge?: string;
  /** A finer reason for the log (which DPoP rule failed). */
  detail?: string;
}

export class TokenRefused extends GraphQLError {
  readonly reason: string;
  readonly issuer: string | null;
  readonly keyId: string | null;
  readonly challenge: string | undefined;
  readonly detail: string | undefined;

  constructor(code: RefusalCode, reason: string, message: string, detail: RefusalDetail = {}) {
    super(message, { extensions: { code, reason, http: { status: ERROR_CODES[code].status } } });
    this.reason = reason;
    this.issuer = detail.issuer ?? null;
    this.keyId = detail.keyId ?? null;
    this.challenge = detail.challenge;
    this.detail = detail.detail;
  }

  private with(change: RefusalDetail): TokenRefused {
    const { issuer, keyId, challenge, detail } = this;
    const code = this.extensions.code as RefusalCode;
    return new TokenRefused(code, this.reason, this.message, {
      issuer,
      keyId,
      ...(challenge === undefined ? {} : { challenge }),
      ...(detail === undefined ? {} : { detail }),
      ...change,
    });
  }

  /** The same refusal, now knowing which trusted issuer and key the token named. */
  naming(issuer: string, keyId: string | null): TokenRefused {
    return this.issuer === null ? this.with({ issuer, keyId }) : this;
  }

  /** The same refusal with its own WWW-Authenticate challenge. */
  challenging(challenge: string): TokenRefused {
    return this.with({ challenge });
  }
}

export const unauthenticated = (reason: string, message: string, detail?: RefusalDetail) =>
  new TokenRefused("UNAUTHENTICATED", reason, message, detail);

export const keysUnavailable = (detail?: RefusalDetail) =>
  new TokenRefused(
    "AUTHENTICATION_UNAVAILABLE",
    "keys-unavailable",
    "The identity provider's keys cannot be obtained; try again later.",
    detail,
  );
