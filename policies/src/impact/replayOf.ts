/**
 * The replay's re-decision of a recorded event, in the shape the impact preview reads: per
 * recorded selection, the decision recorded and the decision re-made (null when it cannot be).
 * Provisional stand-in with the interface the replay's `redecide` is expected to have.
 */
import type { AuditEventContent, AuditFieldDecision, Principal, Purpose } from "@hub/contracts";
import type { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import type { DecidedCategory } from "../entities";
import type { SelectionDecision } from "./ImpactReport";

export interface ReplayedSelection {
  field: string;
  category: string;
  owner: string;
  recorded: SelectionDecision;
  replayed: SelectionDecision | null;
  /** Why it was not re-decided. */
  why?: string;
}

export interface Replay {
  selections: ReplayedSelection[];
  /** What of the event could not be re-decided, and why. */
  notReplayable: string[];
}

export function replayOf(event: AuditEventContent, pdp: PolicyDecisionPoint): Replay {
  const { subject, agency, role, country, purpose } = event;
  if (!subject || !agency || !role || !country || !purpose) {
    return { selections: [], notReplayable: event.fieldsAllowed.length > 0 ? ["the caller is not recorded"] : [] };
  }
  const principal = { subject, agency, role, country, purposes: [purpose] } as Principal;
  const until = event.authorizationRef?.split("@").pop();
  const decide = (recorded: AuditFieldDecision, allowed: boolean): ReplayedSelection => {
    const base = {
      field: recorded.field,
      category: recorded.category,
      owner: recorded.owner,
      recorded: { allowed, policies: recorded.policies, ...(recorded.rule ? { rule: recorded.rule } : {}) },
    };
    if (recorded.rule === "R5-3") return { ...base, replayed: null, why: "key arguments are not recorded (R5-3)" };
    const d = pdp.decide({
      principal,
      purpose: purpose as Purpose,
      category: recorded.category as DecidedCategory,
      owner: recorded.owner,
      ...(until ? { authorizationUntil: until } : {}),
      today: event.occurredAt.slice(0, 10),
    });
    return { ...base, replayed: { allowed: d.allowed, policies: d.policies, ...(d.rule ? { rule: d.rule } : {}) } };
  };
  return {
    selections: [
      ...event.fieldsAllowed.map((f) => decide(f, true)),
      ...event.fieldsDenied.map((f) => decide(f, false)),
    ],
    notReplayable: [],
  };
}
