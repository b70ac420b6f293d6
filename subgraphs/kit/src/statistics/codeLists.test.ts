/** The contract's code lists as dimensions: `_U` joins a dimension's total line, and protection takes it. */
import { describe, expect, it } from "@jest/globals";
import { ageDimension, flatDimension, protectTable } from "../disclosure";
import { dimensionsOf, withUnknown, withUnknownDistricts } from "./codeLists";
import type { StatisticalIndicator } from "./StatisticalIndicator";

describe("withUnknown", () => {
  it("adds _U to the line of the total, strict where minors' ages are", () => {
    const age = withUnknown(ageDimension("AGE", "_T"));
    expect(age.lines.filter((line) => line.parts.includes("_U")).map((line) => line.total)).toEqual(["_T"]);
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

describe("dimensionsOf", () => {
  const indicator = { geography: "DISTRICT", breakdown: null } as unknown as StatisticalIndicator;

  it("lists every month: a table is served only once its year has ended", () => {
    expect(dimensionsOf(indicator).find((d) => d.id === "MONTH")?.codes).toHaveLength(13);
  });

  it("gives a region whose records lack a district its unknown district, inside the region's line", () => {
    const region = dimensionsOf(indicator).find((d) => d.id === "REGION");
    if (!region) throw new Error("no REGION dimension");
    const extended = withUnknownDistricts(region, new Set(["AM-ER"]));
    expect(extended.codes).toContain("AM-ER-_U");
    expect(extended.lines.find((l) => l.total === "AM-ER")?.parts).toContain("AM-ER-_U");
    expect(extended.lines.find((l) => l.total === "_T")?.parts).not.toContain("AM-ER-_U");
    expect(withUnknownDistricts(region, new Set())).toBe(region);
  });
});
