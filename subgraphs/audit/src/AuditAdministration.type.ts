/** An operator's action on the gateway's trust in identity provider keys, as auditors read it. */
import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { AuditAdministration as StoredAdministration } from "@hub/contracts";
import { Category } from "@hub/kit";

export enum AuditAdministrationAction {
  REFRESH_KEYS = "refresh-keys",
  DISTRUST_KEY = "distrust-key",
}
registerEnumType(AuditAdministrationAction, {
  name: "AuditAdministrationAction",
  description:
    "REFRESH_KEYS: the issuer's keys fetched anew at an operator's command; DISTRUST_KEY: a key id refused from then on, on every gateway.",
});

// Every action the contract knows has its GraphQL value: adding one to the contract fails to compile here.
const ACTIONS: Record<StoredAdministration["action"], AuditAdministrationAction> = {
  "refresh-keys": AuditAdministrationAction.REFRESH_KEYS,
  "distrust-key": AuditAdministrationAction.DISTRUST_KEY,
};

@ObjectType({ description: "What an operator did to the gateway's trust in an identity provider's keys." })
export class AuditAdministration {
  @Category("AUDIT")
  @Field(() => AuditAdministrationAction)
  action: AuditAdministrationAction;

  @Category("AUDIT")
  @Field()
  issuer: string;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The key id concerned (a distrusted key)." })
  keyId: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "Why, as the operator gave it." })
  reason: string | null;

  @Category("AUDIT")
  @Field({ description: "Who did it (also the event's subject)." })
  operator: string;

  @Category("AUDIT")
  @Field({ description: "What came of it." })
  result: string;
}

export const toAuditAdministration = (a: StoredAdministration): AuditAdministration => ({
  action: ACTIONS[a.action],
  issuer: a.issuer,
  keyId: a.keyId ?? null,
  reason: a.reason ?? null,
  operator: a.operator,
  result: a.result,
});
