/** Why the gateway refused a caller's token, as auditors read it. */
import { Field, ObjectType } from "type-graphql";
import type { AuditAuthentication as StoredAuthentication } from "@hub/contracts";
import { Category } from "@hub/kit";

@ObjectType({ description: "Why authentication refused the request (UNAUTHENTICATED or AUTHENTICATION_UNAVAILABLE)." })
export class AuditAuthentication {
  @Category("AUDIT")
  @Field({
    description:
      "A stable code: missing-token, wrong-scheme, token-too-long, not-a-jwt, unknown-issuer, wrong-audience, expired, not-yet-valid, wrong-type, algorithm, unknown-key, distrusted-key, bad-signature, claims-unfit, no-purpose-in-scope, dpop-required, dpop-invalid, dpop-replayed, keys-unavailable (docs/audit.md).",
  })
  reason: string;

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description: "The configured issuer the token named; null when it named none the gateway trusts.",
  })
  issuer: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The key id the token named, when its issuer is configured." })
  keyId: string | null;
}

export const toAuditAuthentication = (a: StoredAuthentication): AuditAuthentication => ({
  reason: a.reason,
  issuer: a.issuer ?? null,
  keyId: a.keyId ?? null,
});
