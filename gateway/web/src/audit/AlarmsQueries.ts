/** The audit subgraph's alarm operations the console sends (R7-3), and the shape of a suspension. */

export interface CallerSuspension {
  id: string;
  scope: "SUBJECT" | "AGENCY";
  agency: string;
  subject: string | null;
  suspendedAt: string;
  active: boolean;
  rule: string;
  article: string;
  check: "CEILING" | "HISTORY";
  windowSeconds: number;
  count: number;
  limit: number;
  ceiling: number | null;
  factor: number | null;
  median: number | null;
  historyPeriods: number | null;
  categories: string[];
  events: string[];
  eventId: string;
}

export const CALLER_SUSPENSIONS = `query CallerSuspensions {
  callerSuspensions(active: true) {
    id scope agency subject suspendedAt active rule article check windowSeconds count limit
    ceiling factor median historyPeriods categories events eventId
  }
}`;

export const LIFT_SUSPENSION = `mutation LiftSuspension($id: ID!, $reason: String!) {
  liftSuspension(id: $id, reason: $reason) { id active liftedBy liftedAt liftRequestId }
}`;

/** `600 s` as `10 min`, `86400 s` as `24 h`. */
export function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The evidence in one sentence: what was counted, over which window, against what. */
export function evidenceOf(s: CallerSuspension): string {
  const persons = `Received the data of ${s.count} distinct person${s.count === 1 ? "" : "s"} in ${formatWindow(s.windowSeconds)}`;
  const against =
    s.check === "CEILING"
      ? `more than the ceiling of ${s.ceiling ?? s.limit}`
      : `more than ${s.factor ?? "?"} × the median of ${s.median ?? 0} over the ${s.historyPeriods ?? "?"} windows before`;
  return `${persons}, ${against} (counted categories: ${s.categories.join(", ")}).`;
}
