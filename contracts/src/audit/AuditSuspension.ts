/**
 * A suspension by the anomaly alarm (R7-3), as its audit event and its stored row carry it: who,
 * which check, over which window, what was counted against which limit, and the events counted.
 */

/** SUBJECT: one caller (a subject within its agency); AGENCY: every caller of the agency. */
export type SuspensionScope = "SUBJECT" | "AGENCY";

/** CEILING: the configured ceiling of the window; HISTORY: more than `factor` times the caller's own median. */
export type SuspensionCheck = "CEILING" | "HISTORY";

export interface AuditSuspension {
  suspensionId: string;
  scope: SuspensionScope;
  agency: string;
  /** Null for an agency's suspension. */
  subject: string | null;
  rule: string;
  article: string;
  check: SuspensionCheck;
  windowSeconds: number;
  /** Disclosures counted in the window: per event, the persons whose data of a counted category left (at least 1). */
  count: number;
  /** What the count went beyond: the ceiling, or `factor` times `median`. */
  limit: number;
  ceiling: number | null;
  factor: number | null;
  /** Median of the caller's counts in each of the `historyPeriods` windows before the current one. */
  median: number | null;
  historyPeriods: number | null;
  /** The categories that count (HUB_ALARM_CATEGORIES). */
  categories: string[];
  /** Ids of the latest counted events, newest first: the first is the one that crossed. */
  events: string[];
}
