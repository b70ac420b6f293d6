/** Who called, as the verified identity token says: issuer, client, token and key, and the officer a system acted for. */
import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { AuditCaller as StoredCaller } from "@hub/contracts";
import { Category } from "@hub/kit";

// The stored values are the protocols' own words (RFC 8693 `act`, RFC 9449 DPoP); GraphQL names them in capitals.
export enum AuditDelegation {
  ACT = "act",
  CLAIM = "claim",
}
registerEnumType(AuditDelegation, {
  name: "AuditDelegation",
  description:
    "Where the officer a system acted for was named: ACT, the token exchange `act` claim (RFC 8693); CLAIM, an officer claim the gateway is configured to read.",
});

export enum AuditTokenBinding {
  BEARER = "bearer",
  DPOP = "dpop",
}
registerEnumType(AuditTokenBinding, {
  name: "AuditTokenBinding",
  description:
    "BEARER: a plain bearer token; DPOP: a token bound to the caller's key, presented with a DPoP proof the gateway verified (RFC 9449).",
});

@ObjectType({ description: "Who called, as the verified identity token says." })
export class AuditCaller {
  @Category("AUDIT")
  @Field({ description: "The token's issuer (`iss`), one the gateway trusts." })
  issuer: string;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The OAuth client the token was issued to." })
  clientId: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The token's id (`jti`)." })
  tokenId: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The id (`kid`) of the key that signed the token." })
  keyId: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The officer the calling system acted for." })
  onBehalfOf: string | null;

  @Category("AUDIT")
  @Field(() => AuditDelegation, { nullable: true, description: "Where `onBehalfOf` came from." })
  delegation: AuditDelegation | null;

  @Category("AUDIT")
  @Field(() => AuditTokenBinding)
  binding: AuditTokenBinding;
}

export const toAuditCaller = (c: StoredCaller): AuditCaller => ({
  issuer: c.issuer,
  clientId: c.clientId ?? null,
  tokenId: c.tokenId ?? null,
  keyId: c.keyId ?? null,
  onBehalfOf: c.onBehalfOf ?? null,
  delegation: (c.delegation ?? null) as AuditDelegation | null,
  binding: c.binding as AuditTokenBinding,
});
