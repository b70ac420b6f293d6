/**
 * One recorded event re-decided twice by the replay's `redecide`, under the current policy set and
 * under the candidate: the difference between the two is what the candidate changes, and the
 * difference between the record and the current set is counted apart (a record made under another
 * version). Where the record leaves an input open (whether a root list was keyed, the day of a
 * request over midnight), `redecide` takes the reading that gives the recorded decision when one
 * does, so such a selection counts as changed only when no reading keeps its outcome.
 */
import type { AuditEventContent } from "@hub/contracts";
import type { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import { redecide } from "../replay/redecide";
import type { RedecidedEvent, RedecidedSelection } from "./ImpactReport";

export function redecideEvent(
  event: AuditEventContent,
  current: PolicyDecisionPoint,
  candidate: PolicyDecisionPoint,
): RedecidedEvent {
  const before = redecide(event, current);
  const after = redecide(event, candidate);
  const selections: RedecidedSelection[] = [];
  const notReplayable = new Set<string>();
  before.fields.forEach((b, i) => {
    const a = after.fields[i];
    // The same record re-decided twice lists the same selections in the same order.
    if (!a || a.field !== b.field || a.owner !== b.owner || a.category !== b.category) {
      notReplayable.add("the two re-decisions list other selections");
      return;
    }
    if (!b.replayed || !a.replayed) {
      notReplayable.add((b.replayed ? a : b).notes[0] ?? "a selection could not be re-decided");
      return;
    }
    selections.push({
      field: b.field,
      category: b.category,
      owner: b.owner,
      before: b.replayed,
      after: a.replayed,
      recordedDiffers: b.verdict === "different",
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
