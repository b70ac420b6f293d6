/** A served table laid out from its cells alone gives the lines the source protected it with. */
import { describe, expect, it } from "@jest/globals";
import { derivableCells, protectTable, type CellCount } from "../disclosure";
import { cubesOf, dimensionsOf, withUnknown, withUnknownDistricts } from "./codeLists";
import { servedTableLayout } from "./servedTableLayout";
import type { StatisticalCell } from "./StatisticalTable";
import type { StatisticalIndicator } from "./StatisticalIndicator";

const INDICATOR = { geography: "DISTRICT", breakdown: ["A", "B"] } as unknown as StatisticalIndicator;
const FIELD = { SEX: "sex", AGE: "age", CITIZENSHIP: "citizenship", REGION: "region", MONTH: "month" } as const;

/** A table as a source serves it: every cube protected together, `_U` and Yerevan's unknown district included. */
function servedTable() {
  const dimensions = dimensionsOf(INDICATOR).map((d) =>
    d.id === "REGION" ? withUnknownDistricts(withUnknown(d), new Set(["AM-ER"])) : d.id === "AGE" ? withUnknown(d) : d,
  );
  const cubes = cubesOf(dimensions);
  const totals = Object.fromEntries(dimensions.map((d) => [d.id, "_T"]));
  // A few counts on the margins; every other cell is zero, and suppressed.
  const counts: CellCount[] = [
    { coordinates: totals, count: 40 },
    { coordinates: { ...totals, SEX: "F" }, count: 25 },
    { coordinates: { ...totals, SEX: "M" }, count: 15 },
    { coordinates: { ...totals, AGE: "Y_GE18" }, count: 38 },
    { coordinates: { ...totals, AGE: "Y_LT18" }, count: 2 },
    { coordinates: { ...totals, REGION: "AM-ER" }, count: 40 },
    { coordinates: { ...totals, REGION: "AM-ER-KE" }, count: 39 },
    { coordinates: { ...totals, REGION: "AM-ER-_U" }, count: 1 },
  ];
  const table = protectTable({ dimensions, cubes }, counts, "STANDARD");
  const cells: StatisticalCell[] = table.cells.map(({ coordinates, value, flag }) => ({
    ...Object.fromEntries(Object.entries(FIELD).map(([id, field]) => [field, coordinates[id] ?? "_T"])),
    breakdown: coordinates.BREAKDOWN ?? "_T",
    value,
    flag,
  })) as StatisticalCell[];
  return { cubes, cells };
}

describe("servedTableLayout", () => {
  it("lays out every served cell, with the lines that leave nothing the source hid computable", () => {
    const table = servedTable();
    const { layout, coordinatesOf } = servedTableLayout(table);
    expect(layout.cells).toHaveLength(table.cells.length);
    const hidden = layout.cells.map(() => false);
    for (const cell of table.cells) {
      const index = layout.indexOf(coordinatesOf(cell));
      expect(index).toBeDefined();
      if (cell.value === null) hidden[index as number] = true;
    }
    expect(derivableCells(layout.lines, hidden)).toEqual([]);
    // Yerevan's districts, its unknown one included, add up to Yerevan.
    const yerevan = layout.lines.find(
      (l) => layout.cells[l.total]?.REGION === "AM-ER" && layout.cells[l.parts[0] as number]?.REGION !== "AM-ER",
    );
    expect(yerevan?.parts.map((p) => layout.cells[p]?.REGION)).toContain("AM-ER-_U");
    // Ages 15-17 are a minors' cell, with the strict threshold.
    const teen = layout.cells.findIndex((c) => c.AGE === "Y15-17");
    expect(layout.strict[teen]).toBe(true);
  });

  it("finds the cell a reader computes when one suppression is lifted", () => {
    const table = servedTable();
    const { layout, coordinatesOf } = servedTableLayout(table);
    const hidden = layout.cells.map(() => false);
    for (const cell of table.cells)
      if (cell.value === null) hidden[layout.indexOf(coordinatesOf(cell)) as number] = true;
    // A line with two hidden cells: publish one, and the line gives the other.
    const pair = layout.lines
      .map((l) => [l.total, ...l.parts].filter((c) => hidden[c]))
      .find((cells) => cells.length === 2) as number[];
    expect(pair).toBeDefined();
    hidden[pair[0] as number] = false;
    expect(derivableCells(layout.lines, hidden)).toContain(pair[1]);
  });

  it("refuses a cube that names no dimension of the contract", () => {
    expect(() => servedTableLayout({ cubes: [["SEX", "EDUCATION"]], cells: [] })).toThrow(/EDUCATION/);
  });
});
