/**
 * One recorded event re-decided twice, under the current policy set and under the candidate, by
 * the replay's re-decision: the difference between the two is what the candidate changes, and
 * the difference between the record and the current set is counted apart (a record made under
 * another version).
 */
import type { AuditEventContent } from "@hub/contracts";
import type { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import type { RedecidedEvent, RedecidedSelection, SelectionDecision } from "./ImpactReport";
import { replayOf, type Replay } from "./replayOf";

const same = (a: SelectionDecision, b: SelectionDecision) => a.allowed === b.allowed && a.rule === b.rule;

export function redecideEvent(
  event: AuditEventContent,
  current: PolicyDecisionPoint,
  candidate: PolicyDecisionPoint,
  replay: (event: AuditEventContent, pdp: PolicyDecisionPoint) => Replay = replayOf,
): RedecidedEvent {
  const before = replay(event, current);
  const after = replay(event, candidate);
  const selections: RedecidedSelection[] = [];
  const notReplayable = new Set([...before.notReplayable, ...after.notReplayable]);
  before.selections.forEach((b, i) => {
    const a = after.selections[i];
    // The same record re-decided twice lists the same selections in the same order.
    if (!a || a.field !== b.field || a.owner !== b.owner || a.category !== b.category) {
      notReplayable.add("the two re-decisions list other selections");
      return;
    }
    if (!b.replayed || !a.replayed) {
      notReplayable.add(b.why ?? a.why ?? "a selection could not be re-decided");
      return;
    }
    selections.push({
      field: b.field,
      category: b.category,
      owner: b.owner,
      before: b.replayed,
      after: a.replayed,
      recordedDiffers: !same(b.recorded, b.replayed),
    });
  });
  return {
    eventId: event.id,
    occurredAt: event.occurredAt,
    agency: event.agency,
    purpose: event.purpose,
    selections,
    notReplayable: [...notReplayable].sort(),
  };
}
