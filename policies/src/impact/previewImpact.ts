/** Re-decides every recorded event of a window under the current set and a candidate, and reports the difference. */
import type { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import { ImpactAccumulator, type ImpactReport } from "./ImpactReport";
import type { RecordedEvent } from "./readRecordedEvents";
import { redecideEvent } from "./redecideEvent";

export interface ImpactPreview extends ImpactReport {
  window: { days: number; since: string; until: string };
  currentVersion: string;
  candidateVersion: string;
  /** The parts of the policy set the candidate brings. */
  candidateReplaces: string[];
}

export interface PreviewInput {
  current: PolicyDecisionPoint;
  candidate: PolicyDecisionPoint;
  candidateReplaces: string[];
  batches: AsyncIterable<RecordedEvent[]>;
  window: ImpactPreview["window"];
}

export async function previewImpact(input: PreviewInput): Promise<ImpactPreview> {
  const impact = new ImpactAccumulator();
  for await (const batch of input.batches) {
    for (const recorded of batch) {
      if ("unreadable" in recorded) {
        impact.add({
          eventId: recorded.unreadable,
          occurredAt: "",
          agency: null,
          purpose: null,
          selections: [],
          notReplayable: ["the record's content is not an audit event (npm run audit -- verify)"],
        });
        continue;
      }
      let redecided;
      try {
        redecided = redecideEvent(recorded.event, input.current, input.candidate);
      } catch (error) {
        // One record the engine cannot re-decide is reported, not allowed to hide the others.
        redecided = {
          eventId: recorded.event.id,
          occurredAt: recorded.event.occurredAt,
          agency: recorded.event.agency,
          purpose: recorded.event.purpose,
          selections: [],
          notReplayable: [`the re-decision failed: ${(error as Error).message}`],
        };
      }
      impact.add(redecided);
    }
  }
  return {
    window: input.window,
    currentVersion: input.current.version,
    candidateVersion: input.candidate.version,
    candidateReplaces: input.candidateReplaces,
    ...impact.report(),
  };
}
