/**
 * The audit event as auditors read it. Every field comes from the stored `content` (the text the
 * hash covers), parsed once per row, never from the search columns, which only serve filtering.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { canonicalJson, type AuditEventContent, type AuditFieldDecision as FieldDecision } from "@hub/contracts";
import { Category } from "@hub/kit";
import type { AuditEventRecord } from "./AuditEventRecord.entity";
import { AuditAdministration, toAuditAdministration } from "./AuditAdministration.type";
import { AuditAuthentication, toAuditAuthentication } from "./AuditAuthentication.type";
import { AuditCaller, toAuditCaller } from "./AuditCaller.type";
import { AuditRefusal, toAuditRefusal } from "./AuditRefusal.type";
import { SafeInt } from "./SafeInt.scalar";

export enum AuditOutcome {
  ALLOWED = "ALLOWED",
  PARTIAL = "PARTIAL",
  DENIED = "DENIED",
  REJECTED = "REJECTED",
  FAILED = "FAILED",
  ADMINISTERED = "ADMINISTERED",
}
registerEnumType(AuditOutcome, {
  name: "AuditOutcome",
  description:
    "ALLOWED: all data served; PARTIAL: some data served, denied fields removed or records withheld; DENIED: refused by policy, nothing served; REJECTED: refused before any decision (body, authentication, purpose, limits); FAILED: an error; ADMINISTERED: not a request but an operator's action on the gateway (see `administration`).",
});

@ObjectType({ description: "The decision on one field of an operation." })
export class AuditFieldDecision {
  @Category("AUDIT")
  @Field({ description: "`Type.field`" })
  field: string;

  @Category("AUDIT")
  @Field()
  category: string;

  @Category("AUDIT")
  @Field({ description: "The agency owning the field." })
  owner: string;

  @Category("AUDIT")
  @Field(() => [String], { description: "Policies that decided: granting agreements, or the forbidding rules." })
  policies: string[];

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "For a denial, the rule that decided it." })
  rule: string | null;
}

@ObjectType({ description: "One request as the gateway recorded it, with its place in the hash chain." })
export class AuditEvent {
  @Category("AUDIT")
  @Field(() => SafeInt, { description: "Position in the chain: 1, 2, 3 …" })
  seq: number;

  @Category("AUDIT")
  @Field(() => ID)
  id: string;

  @Category("AUDIT")
  @Field()
  occurredAt: Date;

  @Category("AUDIT")
  @Field()
  requestId: string;

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description:
      "W3C trace id of the request's distributed trace, when the hub traces (OpenTelemetry); null otherwise.",
  })
  traceId: string | null;

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description: "The caller (user or service), or the operator of an ADMINISTERED event; null when unauthenticated.",
  })
  subject: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  agency: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  role: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  country: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "X-Authorization-Ref of a criminal investigation (R11-1)." })
  authorizationRef: string | null;

  @Category("AUDIT")
  @Field(() => [String], { description: "Agreements whose permits granted the disclosed fields." })
  agreements: string[];

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "SHA-256 of the normalised operation." })
  operationHash: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  operationText: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  operationName: string | null;

  @Category("AUDIT")
  @Field({ description: "The variables as JSON, every string and number replaced by its keyed hash." })
  variables: string;

  @Category("AUDIT")
  @Field(() => [AuditFieldDecision])
  fieldsAllowed: AuditFieldDecision[];

  @Category("AUDIT")
  @Field(() => [AuditFieldDecision])
  fieldsDenied: AuditFieldDecision[];

  @Category("AUDIT")
  @Field(() => [AuditRefusal], {
    description: "Refusals beside the denied fields: the request's own (a purpose), and records withheld by subgraphs.",
  })
  refusals: AuditRefusal[];

  @Category("AUDIT")
  @Field(() => AuditOutcome)
  outcome: AuditOutcome;

  @Category("AUDIT")
  @Field(() => [String])
  errorCodes: string[];

  @Category("AUDIT")
  @Field(() => Int)
  durationMs: number;

  @Category("AUDIT")
  @Field({ description: "Version hash of the policies, agreements and regimes that decided (R10-3)." })
  policyVersion: string;

  @Category("AUDIT")
  @Field(() => [ID], { description: "personRefs whose records were disclosed (R9-1)." })
  disclosedPersonRefs: string[];

  @Category("AUDIT")
  @Field(() => [String], { description: "Data categories of the fields that came back with a value." })
  categories: string[];

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description: "YYYY-MM-DD: until then the disclosure stays out of subject access reports (R9-1).",
  })
  releaseAfter: string | null;

  @Category("AUDIT")
  @Field(() => AuditCaller, {
    nullable: true,
    description: "Who called, as the verified identity token says; null when no token verified (and in older events).",
  })
  caller: AuditCaller | null;

  @Category("AUDIT")
  @Field(() => AuditAuthentication, {
    nullable: true,
    description: "Why authentication refused the request; null when it did not (and in older events).",
  })
  authentication: AuditAuthentication | null;

  @Category("AUDIT")
  @Field(() => AuditAdministration, {
    nullable: true,
    description: "What the operator did, on an ADMINISTERED event; null on requests.",
  })
  administration: AuditAdministration | null;

  @Category("AUDIT")
  @Field()
  prevHash: string;

  @Category("AUDIT")
  @Field()
  hash: string;
}

const decision = (d: FieldDecision): AuditFieldDecision => ({
  field: d.field,
  category: d.category,
  owner: d.owner,
  policies: d.policies,
  rule: d.rule ?? null,
});

/** The event of a stored row, from its content. */
export function toAuditEvent(row: AuditEventRecord): AuditEvent {
  const content = JSON.parse(row.content) as AuditEventContent;
  return {
    ...content,
    traceId: content.traceId ?? null,
    seq: row.seq,
    occurredAt: new Date(content.occurredAt),
    outcome: content.outcome as AuditOutcome,
    variables: canonicalJson(content.variables),
    fieldsAllowed: content.fieldsAllowed.map(decision),
    fieldsDenied: content.fieldsDenied.map(decision),
    // Events written before refusals were recorded have none.
    refusals: (content.refusals ?? []).map(toAuditRefusal),
    // Events written before callers, refused logins and administration were recorded have none.
    caller: content.caller ? toAuditCaller(content.caller) : null,
    authentication: content.authentication ? toAuditAuthentication(content.authentication) : null,
    administration: content.administration ? toAuditAdministration(content.administration) : null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
