/**
 * What an audit event holds of the inputs its decisions were made with, and what it leaves open.
 * The decide stage gave the engine the principal (subject, agency, role, country, the token's
 * purposes), the declared purpose, the authorisation's valid-until date, per selection its
 * category, owner and whether it was an unkeyed root list, and the day. The record holds all but
 * the token's purposes, the unkeyed-list flag and the exact day; `decisionInputs` and a field's
 * `unkeyedList`, when a record carries them, close those gaps (docs/audit.md, "Replaying a decision").
 */
import type { AuditEventContent, AuditFieldDecision, Principal, Purpose } from "@hub/contracts";
import type { PolicyDecisionPoint } from "../PolicyDecisionPoint";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ReplayInputs {
  principal: Principal;
  purpose: Purpose;
  authorizationUntil?: string;
  /** Every day the decisions may have been made on: the request's start, and its end when that is the next day. */
  days: string[];
  /** False when the replay stands in the declared purpose for the token's purposes. */
  purposesRecorded: boolean;
  gaps: string[];
}

/** The optional parts of a record that state the inputs outright (absent from older records). */
interface StatedInputs {
  decisionInputs?: { purposes?: unknown; decidedOn?: unknown };
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;

/** Whether every policy reads the token's purposes only to check the declared purpose is among them (R5-1). */
export function readsPurposesOnlyAsDeclared(pdp: PolicyDecisionPoint): boolean {
  for (const { text } of pdp.policySet.policies.values()) {
    const uses = text.match(/principal\.purposes/g)?.length ?? 0;
    const checks = text.match(/principal\.purposes\.contains\(context\.purpose\)/g)?.length ?? 0;
    if (uses !== checks) return false;
  }
  return true;
}

/** The inputs, or why the record cannot be replayed at all. */
export function recordedInputs(
  event: AuditEventContent,
  pdp: PolicyDecisionPoint,
): { inputs: ReplayInputs } | { missing: string } {
  const { subject, agency, role, country, purpose } = event;
  if (!subject || !agency || !role || !country) return { missing: "the record names no principal" };
  if (!purpose) return { missing: "the record names no purpose" };
  const gaps: string[] = [];
  const stated = (event as AuditEventContent & StatedInputs).decisionInputs;
  const statedPurposes = strings(stated?.purposes);
  const purposes = statedPurposes ?? [purpose];
  const purposesRecorded = statedPurposes !== undefined || readsPurposesOnlyAsDeclared(pdp);
  if (!statedPurposes) {
    gaps.push(
      purposesRecorded
        ? "the token's purposes are not recorded: replayed with the declared purpose alone, which decides alike since this policy version reads them only to check the declared purpose is among them (the gateway checked that before deciding)"
        : "the token's purposes are not recorded, and this policy version reads them beyond the declared purpose: a decision that differs cannot be told from one made with other purposes",
    );
  }
  const decidedOn = typeof stated?.decidedOn === "string" && ISO_DAY.test(stated.decidedOn) ? stated.decidedOn : null;
  const start = Date.parse(event.occurredAt);
  if (!decidedOn && Number.isNaN(start)) return { missing: "the record's time (occurredAt) is not a date" };
  const days = decidedOn
    ? [decidedOn]
    : [
        ...new Set([
          new Date(start).toISOString().slice(0, 10),
          new Date(start + Math.max(0, event.durationMs)).toISOString().slice(0, 10),
        ]),
      ];
  if (days.length > 1) {
    gaps.push(
      `the request ran over midnight UTC and the record does not say on which day it was decided: both replayed`,
    );
  }
  let authorizationUntil: string | undefined;
  if (event.authorizationRef) {
    authorizationUntil = event.authorizationRef.slice(event.authorizationRef.lastIndexOf("@") + 1);
    if (!ISO_DAY.test(authorizationUntil))
      return { missing: "the record's authorisation reference has no valid-until date" };
  }
  return {
    inputs: {
      // Case ids never reach the engine (only the subgraphs' record rules read them).
      principal: { subject, agency, role, country, purposes, cases: [] } as Principal,
      purpose: purpose as Purpose,
      ...(authorizationUntil ? { authorizationUntil } : {}),
      days,
      purposesRecorded,
      gaps,
    },
  };
}

/**
 * The unkeyed-list flags a selection may have been decided with: false for any field below the
 * root (only a root list can be unkeyed), the recorded flag when the record has one, else both.
 */
export function unkeyedOptions(decision: AuditFieldDecision, event: AuditEventContent): boolean[] {
  if (!decision.field.startsWith("Query.")) return [false];
  const flag = (decision as AuditFieldDecision & { unkeyedList?: unknown }).unkeyedList;
  if (typeof flag === "boolean") return [flag];
  // A record that states its inputs states this flag on every root list it decided unkeyed.
  if ((event as AuditEventContent & StatedInputs).decisionInputs) return [false];
  return [false, true];
}
