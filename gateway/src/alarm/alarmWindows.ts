/**
 * The alarm's arithmetic (R7-3), apart from any store: which buckets make up a sliding window,
 * the median of a caller's history, and which check a caller's counts cross. A window is counted
 * in buckets (a tenth of the short window, a twenty-fourth of the long one), so it reaches back
 * its length to within one bucket; the history is one bucket per long window.
 */
import type { SuspensionCheck, SuspensionScope } from "@hub/contracts";
import type { AlarmConfig } from "./alarmConfig";

/** How a window is cut into buckets: their length and how many make the window. */
export interface Buckets {
  bucketMs: number;
  count: number;
}

export const SHORT_BUCKETS = 10;
export const LONG_BUCKETS = 24;

export function bucketsOf(windowSeconds: number, count: number): Buckets {
  return { bucketMs: Math.max(1000, Math.ceil((windowSeconds * 1000) / count)), count };
}

export const bucketIndex = (at: number, buckets: Buckets) => Math.floor(at / buckets.bucketMs);

/** The indexes of the buckets of the window ending at `at`, oldest first. */
export function windowIndexes(at: number, buckets: Buckets): number[] {
  const last = bucketIndex(at, buckets);
  return Array.from({ length: buckets.count }, (_, i) => last - buckets.count + 1 + i);
}

/** The indexes of the `periods` history buckets (one long window each) before the current one. */
export function historyIndexes(at: number, longSeconds: number, periods: number): number[] {
  const current = Math.floor(at / (longSeconds * 1000));
  return Array.from({ length: periods }, (_, i) => current - periods + i);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** What one caller (or agency) has received: distinct persons in each window, and its history's median. */
export interface Counts {
  short: number;
  long: number;
  median: number;
}

/** The check a caller's counts crossed, with what they were compared with. */
export interface Crossing {
  check: SuspensionCheck;
  windowSeconds: number;
  count: number;
  limit: number;
  ceiling: number | null;
  factor: number | null;
  median: number | null;
  historyPeriods: number | null;
}

/**
 * The first check the counts cross, in the order a reader would check them: the short window's
 * ceiling, the long window's, then the long window against the history. Each ceiling is "more
 * than"; 0 turns one off. The history check needs at least the floor, so that a caller with no
 * history (median 0) is judged by the floor, not suspended at its first read.
 */
export function crossingOf(scope: SuspensionScope, counts: Counts, config: AlarmConfig): Crossing | undefined {
  const none = { factor: null, median: null, historyPeriods: null };
  for (const window of [config.short, config.long]) {
    const ceiling = window.ceilings[scope];
    const count = window === config.short ? counts.short : counts.long;
    if (ceiling > 0 && count > ceiling) {
      return { check: "CEILING", windowSeconds: window.seconds, count, limit: ceiling, ceiling, ...none };
    }
  }
  const { factor, periods, floors } = config.history;
  const limit = factor * counts.median;
  if (factor > 0 && counts.long >= floors[scope] && counts.long > limit) {
    return {
      check: "HISTORY",
      windowSeconds: config.long.seconds,
      count: counts.long,
      limit,
      ceiling: null,
      factor,
      median: counts.median,
      historyPeriods: periods,
    };
  }
  return undefined;
}
