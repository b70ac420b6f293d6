/** The contract's code lists as dimensions: `_U` joins a dimension's total line, and protection takes it. */
import { describe, expect, it } from "@jest/globals";
import { ageDimension, flatDimension, protectTable } from "../disclosure";
import { withUnknown } from "./codeLists";

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
