/** Chart data of the auditor console: series per agency or purpose, gaps filled, denials = DENIED + PARTIAL. */
import { describe, expect, it } from "@jest/globals";
import { niceMax } from "../shared/niceMax";
import { chartModel, colourOf, fillGaps } from "./chartData";
import type { StatisticsBucket } from "./queries";

const row = (start: string, agency: string | null, purpose: string | null, n: Partial<StatisticsBucket> = {}) => ({
  start,
  agency,
  purpose,
  requests: 0,
  allowed: 0,
  partial: 0,
  denied: 0,
  rejected: 0,
  failed: 0,
  ...n,
});

const rows: StatisticsBucket[] = [
  row("2026-03-01T09:00:00.000Z", "BORDER_POLICE", "BORDER_CHECK", { requests: 3, allowed: 1, denied: 1, partial: 1 }),
  row("2026-03-01T09:00:00.000Z", "MIGRATION_SERVICE", "RESIDENCE_ADMIN", { requests: 5, allowed: 5 }),
  row("2026-03-01T12:00:00.000Z", null, null, { requests: 1, rejected: 1 }),
  row("2026-03-01T12:00:00.000Z", "BORDER_POLICE", "RETURN_ENFORCEMENT", { requests: 2, denied: 2 }),
];

describe("chartModel", () => {
  it("stacks requests per agency in every hour from the first to the last, largest series first", () => {
    const m = chartModel(rows, "agency", "requests", "HOUR");
    expect(m.buckets).toEqual([
      "2026-03-01T09:00:00.000Z",
      "2026-03-01T10:00:00.000Z",
      "2026-03-01T11:00:00.000Z",
      "2026-03-01T12:00:00.000Z",
    ]);
    expect(m.series.map((s) => [s.label, s.total])).toEqual([
      ["BORDER_POLICE", 5],
      ["MIGRATION_SERVICE", 5],
      ["(unauthenticated)", 1],
    ]);
    expect(m.values).toEqual([
      [3, 5, 0],
      [0, 0, 0],
      [0, 0, 0],
      [2, 0, 1],
    ]);
    expect(m.totals).toEqual([8, 0, 0, 3]);
    expect(m.total).toBe(11);
  });

  it("counts denials as DENIED plus PARTIAL, per purpose, and leaves out purposes without any", () => {
    const m = chartModel(rows, "purpose", "denials", "DAY");
    expect(m.buckets).toEqual(["2026-03-01T09:00:00.000Z", "2026-03-01T12:00:00.000Z"]);
    expect(m.series.map((s) => [s.key, s.total])).toEqual([
      ["BORDER_CHECK", 2],
      ["RETURN_ENFORCEMENT", 2],
    ]);
  });

  it("gives each agency and purpose one colour everywhere", () => {
    expect(colourOf("agency", "BORDER_POLICE")).toBe(colourOf("agency", "BORDER_POLICE"));
    expect(colourOf("agency", "BORDER_POLICE")).not.toBe(colourOf("agency", "MIGRATION_SERVICE"));
    expect(colourOf("purpose", "SOMETHING_NEW")).toBe("#8a8a8a");
  });
});

describe("axis helpers", () => {
  it("rounds the axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 10, 11, 480, 501].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 500, 1000]);
  });

  it("does not fill more than a chart can show", () => {
    expect(fillGaps(["2020-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"], 3_600_000)).toHaveLength(2);
  });
});
