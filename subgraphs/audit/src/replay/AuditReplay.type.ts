/** The replay of an audit event as auditors read it: per field and refusal, the recorded decision beside the replayed one. */
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Category } from "@hub/kit";
import type { FieldReplay, RefusalReplay, ReplayVerdict } from "@hub/policies";
import type { ReplayOutcome } from "./replayEvent";

export enum AuditReplayStatus {
  SAME = "SAME",
  DIFFERENT = "DIFFERENT",
  NOTHING_DECIDED = "NOTHING_DECIDED",
  UNRESOLVED = "UNRESOLVED",
}
registerEnumType(AuditReplayStatus, {
  name: "AuditReplayStatus",
  description:
    "SAME: the policy version decides every re-decided selection as recorded; DIFFERENT: it does not (an integrity failure); NOTHING_DECIDED: the request was refused before the decide stage, or asked nothing that needed a decision; UNRESOLVED: the policy version is not stored, or its texts do not rebuild to it.",
});

export enum AuditReplayVerdict {
  SAME = "same",
  DIFFERENT = "different",
  NOT_REPLAYABLE = "not-replayable",
}
registerEnumType(AuditReplayVerdict, {
  name: "AuditReplayVerdict",
  description:
    "SAME: decided as recorded; DIFFERENT: not, whatever the inputs the record leaves open; NOT_REPLAYABLE: the record lacks what the decision needed (see notes).",
});

@ObjectType({ description: "One recorded field decision, and the policy version's decision on it again." })
export class AuditReplayField {
  @Category("AUDIT")
  @Field({ description: "`Type.field`" })
  field: string;

  @Category("AUDIT")
  @Field()
  category: string;

  @Category("AUDIT")
  @Field()
  owner: string;

  @Category("AUDIT")
  @Field()
  recordedAllowed: boolean;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  recordedRule: string | null;

  @Category("AUDIT")
  @Field(() => [String])
  recordedPolicies: string[];

  @Category("AUDIT")
  @Field(() => Boolean, { nullable: true, description: "Null when the field could not be re-decided." })
  replayedAllowed: boolean | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  replayedRule: string | null;

  @Category("AUDIT")
  @Field(() => [String], { nullable: true })
  replayedPolicies: string[] | null;

  @Category("AUDIT")
  @Field(() => AuditReplayVerdict)
  verdict: ReplayVerdict;

  @Category("AUDIT")
  @Field(() => [String], { description: "What differs, in words." })
  differences: string[];

  @Category("AUDIT")
  @Field(() => [String], { description: "Inputs the record does not hold, and what the replay made of them." })
  notes: string[];
}

@ObjectType({ description: "A recorded refusal beside the denied fields, and whether it could be decided again." })
export class AuditReplayRefusal {
  @Category("AUDIT")
  @Field()
  by: string;

  @Category("AUDIT")
  @Field()
  rule: string;

  @Category("AUDIT")
  @Field(() => Int)
  count: number;

  @Category("AUDIT")
  @Field(() => AuditReplayVerdict)
  verdict: ReplayVerdict;

  @Category("AUDIT")
  @Field(() => [String])
  notes: string[];
}

@ObjectType({ description: "A recorded event re-decided under the policy version it cites (R10-3)." })
export class AuditReplay {
  @Category("AUDIT")
  @Field(() => ID)
  eventId: string;

  @Category("AUDIT")
  @Field()
  policyVersion: string;

  @Category("AUDIT")
  @Field(() => AuditReplayStatus)
  status: AuditReplayStatus;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "Why nothing was decided, or why the version is unresolved." })
  reason: string | null;

  @Category("AUDIT")
  @Field({ description: "Whether the stored record still matches its hash." })
  recordIntact: boolean;

  @Category("AUDIT")
  @Field(() => [String], { description: "The decision dates replayed (YYYY-MM-DD)." })
  decidedOn: string[];

  @Category("AUDIT")
  @Field(() => [AuditReplayField])
  fields: AuditReplayField[];

  @Category("AUDIT")
  @Field(() => [AuditReplayRefusal])
  refusals: AuditReplayRefusal[];

  @Category("AUDIT")
  @Field(() => [String], { description: "Differences of the event as a whole." })
  differences: string[];

  @Category("AUDIT")
  @Field(() => [String], { description: "What the record lacks that the decision needed." })
  gaps: string[];
}

const toField = (f: FieldReplay): AuditReplayField => ({
  field: f.field,
  category: f.category,
  owner: f.owner,
  recordedAllowed: f.recorded.allowed,
  recordedRule: f.recorded.rule,
  recordedPolicies: f.recorded.policies,
  replayedAllowed: f.replayed?.allowed ?? null,
  replayedRule: f.replayed?.rule ?? null,
  replayedPolicies: f.replayed?.policies ?? null,
  verdict: f.verdict,
  differences: f.differences,
  notes: f.notes,
});

const toRefusal = (r: RefusalReplay): AuditReplayRefusal => ({
  by: r.by,
  rule: r.rule,
  count: r.count,
  verdict: r.verdict,
  notes: r.notes,
});

const STATUS = {
  same: AuditReplayStatus.SAME,
  different: AuditReplayStatus.DIFFERENT,
  "nothing-decided": AuditReplayStatus.NOTHING_DECIDED,
} as const;

export function toAuditReplay(outcome: ReplayOutcome): AuditReplay {
  if (outcome.kind === "unresolved") {
    return {
      eventId: outcome.eventId,
      policyVersion: outcome.policyVersion,
      status: AuditReplayStatus.UNRESOLVED,
      reason: outcome.reason,
      recordIntact: outcome.recordIntact,
      decidedOn: [],
      fields: [],
      refusals: [],
      differences: [],
      gaps: [],
    };
  }
  const r = outcome.report;
  return {
    eventId: r.eventId,
    policyVersion: r.policyVersion,
    status: STATUS[r.status],
    reason: r.reason,
    recordIntact: outcome.recordIntact,
    decidedOn: r.decidedOn,
    fields: r.fields.map(toField),
    refusals: r.refusals.map(toRefusal),
    differences: r.differences,
    gaps: r.gaps,
  };
}
