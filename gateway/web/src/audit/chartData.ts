/** Turns `auditStatistics` rows into what a stacked bar chart draws: time buckets × series (agencies or purposes). */
import type { Bucket, StatisticsBucket } from "./queries";
import { AGENCIES, PURPOSES } from "./vocabulary";

export type Dimension = "agency" | "purpose";
export type Measure = "requests" | "denials";

export interface Series {
  key: string;
  label: string;
  colour: string;
  total: number;
}

export interface ChartModel {
  /** Bucket starts (ISO), oldest first, without gaps (up to MAX_FILLED_BUCKETS). */
  buckets: string[];
  /** Largest first. */
  series: Series[];
  /** values[bucket][series] */
  values: number[][];
  totals: number[];
  total: number;
}

export const NONE = "(none)";
const STEP_MS: Record<Bucket, number> = { HOUR: 3_600_000, DAY: 86_400_000 };
const MAX_FILLED_BUCKETS = 2000;

// Okabe–Ito (colour-blind safe, without its yellow, too pale on white), then two of Tol's muted set.
const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#332288",
  "#882255",
  "#44AA99",
  "#000000",
];
const OTHER = "#8a8a8a";

/** The same colour for an agency or purpose in every chart. */
export function colourOf(dimension: Dimension, key: string): string {
  const known: readonly string[] = dimension === "agency" ? AGENCIES : PURPOSES;
  const index = known.indexOf(key);
  return index >= 0 ? (PALETTE[index % PALETTE.length] ?? OTHER) : OTHER;
}

export const measureOf = (measure: Measure, row: StatisticsBucket): number =>
  measure === "requests" ? row.requests : row.denied + row.partial;

const labelOf = (dimension: Dimension, key: string) =>
  key === NONE ? (dimension === "agency" ? "(unauthenticated)" : "(no purpose)") : key;

export function chartModel(
  rows: StatisticsBucket[],
  dimension: Dimension,
  measure: Measure,
  bucket: Bucket,
): ChartModel {
  const cells = new Map<string, Map<string, number>>();
  const seriesTotals = new Map<string, number>();
  for (const row of rows) {
    const start = new Date(row.start).toISOString();
    const key = row[dimension] ?? NONE;
    const value = measureOf(measure, row);
    const cell = cells.get(start) ?? new Map<string, number>();
    cell.set(key, (cell.get(key) ?? 0) + value);
    cells.set(start, cell);
    seriesTotals.set(key, (seriesTotals.get(key) ?? 0) + value);
  }
  const buckets = fillGaps([...cells.keys()].sort(), STEP_MS[bucket]);
  const series = [...seriesTotals]
    .filter(([, total]) => total > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, total]) => ({ key, label: labelOf(dimension, key), colour: colourOf(dimension, key), total }));
  const values = buckets.map((b) => series.map((s) => cells.get(b)?.get(s.key) ?? 0));
  const totals = values.map((v) => v.reduce((a, b) => a + b, 0));
  return { buckets, series, values, totals, total: totals.reduce((a, b) => a + b, 0) };
}

/** Every bucket from the first to the last, so that quiet hours show as gaps rather than vanish. */
export function fillGaps(sorted: string[], step: number): string[] {
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const span = (Date.parse(last) - Date.parse(first)) / step;
  if (span > MAX_FILLED_BUCKETS) return sorted;
  const all: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += step) all.push(new Date(t).toISOString());
  // Buckets the server truncated differently (a DST-free UTC grid makes this rare) are kept too.
  return [...new Set([...all, ...sorted])].sort();
}
