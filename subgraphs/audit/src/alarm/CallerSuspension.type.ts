/** A suspension by the anomaly alarm (R7-3) as the console reads it: the caller, the evidence, and its lift. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { CallerSuspensionRow } from "@hub/contracts";
import { Category } from "@hub/kit";
import { SafeInt } from "../SafeInt.scalar";

export enum SuspensionScope {
  SUBJECT = "SUBJECT",
  AGENCY = "AGENCY",
}
registerEnumType(SuspensionScope, {
  name: "SuspensionScope",
  description: "SUBJECT: one caller, a subject within its agency; AGENCY: every caller of the agency.",
});

export enum SuspensionCheck {
  CEILING = "CEILING",
  HISTORY = "HISTORY",
}
registerEnumType(SuspensionCheck, {
  name: "SuspensionCheck",
  description:
    "CEILING: more disclosures in the window than its configured ceiling; HISTORY: more than `factor` times the median of the caller's own earlier windows.",
});

@ObjectType({ description: "A caller (or agency) suspended by the anomaly alarm (R7-3), with the evidence." })
export class CallerSuspension {
  @Category("AUDIT")
  @Field(() => ID)
  id: string;

  @Category("AUDIT")
  @Field(() => SuspensionScope)
  scope: SuspensionScope;

  @Category("AUDIT")
  @Field()
  agency: string;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The suspended subject; null for an agency's suspension." })
  subject: string | null;

  @Category("AUDIT")
  @Field()
  suspendedAt: Date;

  @Category("AUDIT")
  @Field({ description: "Whether it still holds (not lifted)." })
  active: boolean;

  @Category("AUDIT")
  @Field()
  rule: string;

  @Category("AUDIT")
  @Field()
  article: string;

  @Category("AUDIT")
  @Field(() => SuspensionCheck)
  check: SuspensionCheck;

  @Category("AUDIT")
  @Field(() => Int, { description: "Length of the window counted." })
  windowSeconds: number;

  @Category("AUDIT")
  @Field(() => SafeInt, {
    description: "Distinct persons whose data of a counted category the caller received in the window.",
  })
  count: number;

  @Category("AUDIT")
  @Field(() => Float, { description: "What the count went beyond: the ceiling, or factor times median." })
  limit: number;

  @Category("AUDIT")
  @Field(() => SafeInt, { nullable: true })
  ceiling: number | null;

  @Category("AUDIT")
  @Field(() => Int, { nullable: true })
  factor: number | null;

  @Category("AUDIT")
  @Field(() => Float, { nullable: true, description: "Median of the caller's counts in its earlier long windows." })
  median: number | null;

  @Category("AUDIT")
  @Field(() => Int, { nullable: true, description: "How many earlier long windows the median is of." })
  historyPeriods: number | null;

  @Category("AUDIT")
  @Field(() => [String], { description: "The data categories that count." })
  categories: string[];

  @Category("AUDIT")
  @Field(() => [ID], { description: "Audit events counted last, newest first: the first is the one that crossed." })
  events: string[];

  @Category("AUDIT")
  @Field(() => ID, { description: "The audit event of the suspension itself." })
  eventId: string;

  @Category("AUDIT")
  @Field(() => Date, { nullable: true })
  liftedAt: Date | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The data-protection officer who lifted it." })
  liftedBy: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "Why, as the officer gave it." })
  liftReason: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "Request id of the lift: its audit event's." })
  liftRequestId: string | null;
}

export function toCallerSuspension(row: CallerSuspensionRow): CallerSuspension {
  const e = row.evidence;
  return {
    id: row.id,
    scope: row.scope === "AGENCY" ? SuspensionScope.AGENCY : SuspensionScope.SUBJECT,
    agency: row.agency,
    subject: row.subject,
    suspendedAt: row.suspended_at,
    active: row.lifted_at === null,
    rule: e.rule,
    article: e.article,
    check: e.check === "HISTORY" ? SuspensionCheck.HISTORY : SuspensionCheck.CEILING,
    windowSeconds: e.windowSeconds,
    count: e.count,
    limit: e.limit,
    ceiling: e.ceiling ?? null,
    factor: e.factor ?? null,
    median: e.median ?? null,
    historyPeriods: e.historyPeriods ?? null,
    categories: [...(e.categories ?? [])],
    events: [...(e.events ?? [])],
    eventId: row.event_id,
    liftedAt: row.lifted_at,
    liftedBy: row.lifted_by,
    liftReason: row.lift_reason,
    liftRequestId: row.lift_request_id,
  };
}
