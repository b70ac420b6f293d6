/** What a replay of one audit event found: per field and per refusal, the recorded decision beside the replayed one. */
import type { AuditOutcome } from "@hub/contracts";

/**
 * same: the policy version decides as recorded; different: it does not, whatever the inputs the
 * record leaves open; not-replayable: the record lacks what the decision needed (see `notes`).
 */
export type ReplayVerdict = "same" | "different" | "not-replayable";

export interface DecisionFacts {
  allowed: boolean;
  /** The deciding rule of a denial; null for an allowance. */
  rule: string | null;
  /** Granting agreements' permits, or the forbidding rules; sorted. */
  policies: string[];
}

export interface FieldReplay {
  /** Where the record lists the selection. */
  recordedIn: "fieldsAllowed" | "fieldsDenied";
  /** `Type.field` */
  field: string;
  category: string;
  owner: string;
  recorded: DecisionFacts;
  /** The policy version's decision; null when it could not be re-decided. */
  replayed: DecisionFacts | null;
  verdict: ReplayVerdict;
  /** What differs, in words: `allowed: recorded denied, replayed allowed`. */
  differences: string[];
  /** Inputs the record does not hold, and what the replay made of them. */
  notes: string[];
}

/** A refusal beside the denied fields: a request's own, or records a subgraph withheld. */
export interface RefusalReplay {
  by: string;
  rule: string;
  category: string | null;
  owner: string | null;
  count: number;
  verdict: ReplayVerdict;
  notes: string[];
}

/**
 * same: every re-decided selection is decided as recorded (some may be not replayable);
 * different: at least one is not (an integrity failure); nothing-decided: the request was refused
 * before the decide stage, or asked nothing that needed a decision (`reason`).
 */
export type ReplayStatus = "same" | "different" | "nothing-decided";

export interface ReplayReport {
  eventId: string;
  outcome: AuditOutcome;
  /** The version the event cites. */
  policyVersion: string;
  /** The version re-decided under: the cited one for a replay, a candidate's for an impact preview. */
  replayedVersion: string;
  status: ReplayStatus;
  /** Why nothing was decided (status nothing-decided), else null. */
  reason: string | null;
  /** The decision dates replayed (two when the request ran over midnight UTC). */
  decidedOn: string[];
  fields: FieldReplay[];
  refusals: RefusalReplay[];
  /** Differences of the event as a whole (agreements recorded that nothing replayed grants). */
  differences: string[];
  /** What the record lacks that the decision needed, once per kind. */
  gaps: string[];
  counts: { same: number; different: number; notReplayable: number };
}
