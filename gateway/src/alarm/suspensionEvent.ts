/**
 * The rule the alarm enforces (R7-3) and the audit event of a suspension: not a request but the
 * gateway's own act, whose subject and agency are the suspended caller's and whose `suspension`
 * is the evidence (counts, window, limit, the events counted).
 */
import type { AuditEventContent, AuditSuspension } from "@hub/contracts";
import { ownActEvent } from "../audit/buildAuditEvent";

/** A mechanism rule like R7-2: no policy decides it, so its id and article are stated here and in docs/policies.md. */
export const ALARM_RULE = {
  rule: "R7-3",
  article: "108+ Art. 7(1), 10(1)",
  reason:
    "Suspended by the hub's anomaly alarm: the disclosures of special-category and identity data went beyond a ceiling or the caller's own history. The data-protection officer can lift the suspension.",
} as const;

/** The caller the event that crossed named: its role and country go on a subject's suspension event. */
export type SuspendedCaller = Pick<AuditEventContent, "role" | "country">;

export function suspensionEvent(
  suspension: AuditSuspension,
  eventId: string,
  caller: SuspendedCaller,
  settings: { policyVersion: string; now: number },
): AuditEventContent {
  const ofSubject = suspension.scope === "SUBJECT";
  return {
    ...ownActEvent({
      id: eventId,
      now: settings.now,
      requestId: `alarm-${eventId}`,
      subject: suspension.subject,
      agency: suspension.agency,
      role: ofSubject ? caller.role : null,
      country: ofSubject ? caller.country : null,
      operationName: "alarm.suspend",
      policyVersion: settings.policyVersion,
    }),
    // The rule as a refusal, so that searching the log by rule R7-3 finds suspensions and refusals alike.
    refusals: [
      {
        by: "gateway",
        rule: suspension.rule,
        article: suspension.article,
        category: null,
        owner: null,
        count: suspension.count,
        path: [],
        silent: false,
      },
    ],
    suspension: { ...suspension, categories: [...suspension.categories], events: [...suspension.events] },
  };
}
