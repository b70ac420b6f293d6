/** The few statistics the benchmark reports: medians of rounds, latency percentiles, ratios. */

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest value with at least
 * p % of the values at or below it, so it is always a value that was measured. NaN for none.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], not ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] as number;
}

/** Percentiles of one sorted copy: cheaper than calling `percentile` once for each. */
export function percentiles<P extends number>(values: readonly number[], ps: readonly P[]): Record<P, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const out = {} as Record<P, number>;
  for (const p of ps) out[p] = percentile(sorted, p);
  return out;
}

/** a / b, NaN when b is zero or either is not a number (a ratio of nothing is not 0 or ∞). */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}
