/** The contract's code lists as dimensions: `_U` joins a dimension's total line, and protection takes it. */
import { describe, expect, it } from "@jest/globals";
import { ageDimension, flatDimension, protectTable } from "../disclosure";
import { dimensionsOf, withUnknown } from "./codeLists";
import { monthsBegun } from "./computeStatisticalTable";
import type { StatisticalIndicator } from "./StatisticalIndicator";

describe("withUnknown", () => {
  it("adds _U to every classification of the total, strict where minors' ages are", () => {
    const age = withUnknown(ageDimension("AGE", "_T"));
    expect(age.lines.every((line) => line.parts.includes("_U"))).toBe(true);
    expect(age.strictCodes).toContain("_U");
    expect(withUnknown(flatDimension("SEX", "_T", ["F", "M"])).strictCodes).toEqual([]);
  });

  it("gives a dimension whose unknown cell is protected like any other", () => {
    const sex = withUnknown(flatDimension("SEX", "_T", ["F", "M"]));
    const counts = [
      { coordinates: { SEX: "_T" }, count: 43 },
      { coordinates: { SEX: "F" }, count: 20 },
      { coordinates: { SEX: "M" }, count: 20 },
      { coordinates: { SEX: "_U" }, count: 3 },
    ];
    const { cells } = protectTable({ dimensions: [sex], cubes: [["SEX"]] }, counts, "STANDARD");
    expect(cells.find((c) => c.coordinates.SEX === "_U")).toMatchObject({ value: null, flag: "SUPPRESSED" });
    expect(cells.filter((c) => c.flag === "SUPPRESSED")).toHaveLength(2);
  });
});

describe("months of the current year", () => {
  const indicator = { geography: null, breakdown: null } as unknown as StatisticalIndicator;
  const monthCodes = (months: number) => dimensionsOf(indicator, months).find((d) => d.id === "MONTH")?.codes;

  it("lists only the months that have begun, so no known-empty month can cover a small one", () => {
    expect(monthsBegun(2026, new Date("2026-03-31T23:00:00Z"))).toBe(3);
    expect(monthsBegun(2025, new Date("2026-03-31T23:00:00Z"))).toBe(12);
    expect(monthCodes(3)).toEqual(["_T", "01", "02", "03"]);
    expect(monthCodes(12)).toHaveLength(13);
  });
});
