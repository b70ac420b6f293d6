/** Cells and lines of table definitions: what protection is run over. */
import { describe, expect, it } from "@jest/globals";
import { MINOR_AGE_BANDS } from "@hub/contracts";
import { ageDimension, AGE_BANDS, BROAD_AGE_GROUPS } from "./ageDimension";
import { benchmarkTable } from "./benchmarkTable";
import { layOutTable } from "./layOutTable";
import { flatDimension, hierarchicalDimension, type Coordinates, type TableDefinition } from "./TableDefinition";

const SEX = flatDimension("SEX", "T", ["F", "M"]);
const REGION = hierarchicalDimension("REGION", "T", [
  { code: "R1", parts: ["D1", "D2"] },
  { code: "R2", parts: [] },
]);

/** Lines as readable strings: `total = part + part`. */
function linesOf(definition: TableDefinition): string[] {
  const { cells, lines } = layOutTable(definition);
  const name = (i: number) => definition.dimensions.map((d) => (cells[i] as Coordinates)[d.id]).join("/");
  return lines.map((l) => `${name(l.total)} = ${l.parts.map(name).join(" + ")}`);
}

describe("layOutTable", () => {
  it("generates each line of a cube once per combination of its other dimensions", () => {
    expect(linesOf({ dimensions: [SEX, REGION], cubes: [["SEX", "REGION"]] })).toEqual([
      "T/T = F/T + M/T",
      "T/T = T/R1 + T/R2",
      "T/R1 = F/R1 + M/R1",
      "T/R1 = T/D1 + T/D2",
      "T/R2 = F/R2 + M/R2",
      "T/D1 = F/D1 + M/D1",
      "T/D2 = F/D2 + M/D2",
      "F/T = F/R1 + F/R2",
      "F/R1 = F/D1 + F/D2",
      "M/T = M/R1 + M/R2",
      "M/R1 = M/D1 + M/D2",
    ]);
  });

  it("shares the margins of cubes as one cell, and their common lines as one line", () => {
    const definition: TableDefinition = { dimensions: [SEX, REGION], cubes: [["SEX"], ["REGION"], ["SEX", "REGION"]] };
    const { cells } = layOutTable(definition);
    expect(cells).toHaveLength(3 * 5);
    expect(linesOf(definition)).toHaveLength(11);
    expect(layOutTable({ dimensions: [SEX, REGION], cubes: [["SEX"], ["REGION"]] }).cells).toHaveLength(3 + 5 - 1);
  });

  it("keeps of a classification only the lines among its codes", () => {
    const definition: TableDefinition = {
      dimensions: [SEX, ageDimension()],
      cubes: [["SEX", { dimension: "AGE", codes: BROAD_AGE_GROUPS }]],
    };
    expect(linesOf(definition)).toEqual([
      "T/TOTAL = F/TOTAL + M/TOTAL",
      "T/TOTAL = T/Y_LT18 + T/Y_GE18",
      "T/Y_LT18 = F/Y_LT18 + M/Y_LT18",
      "T/Y_GE18 = F/Y_GE18 + M/Y_GE18",
      "F/TOTAL = F/Y_LT18 + F/Y_GE18",
      "M/TOTAL = M/Y_LT18 + M/Y_GE18",
    ]);
    const full = layOutTable({ dimensions: [SEX, ageDimension()], cubes: [["SEX", "AGE"]] });
    // Per sex: the total of minors and adults, minors of their bands, adults of theirs.
    const named = (cell: number) => full.cells[cell]?.AGE;
    const ageLines = full.lines.filter((l) => full.cells[l.total]?.SEX === full.cells[l.parts[0] as number]?.SEX);
    expect(ageLines.map((l) => `${named(l.total)} = ${l.parts.map(named).join(" + ")}`)).toEqual(
      ["T", "F", "M"].flatMap(() => [
        "TOTAL = Y_LT18 + Y_GE18",
        `Y_LT18 = ${MINOR_AGE_BANDS.join(" + ")}`,
        `Y_GE18 = ${AGE_BANDS.slice(MINOR_AGE_BANDS.length).join(" + ")}`,
      ]),
    );
  });

  it("marks the cells with a strict code", () => {
    const { cells, strict } = layOutTable({ dimensions: [SEX, ageDimension()], cubes: [["SEX", "AGE"]] });
    const strictAges = new Set(cells.filter((_, i) => strict[i]).map((c) => c.AGE));
    expect([...strictAges].sort()).toEqual(["Y10-14", "Y15-17", "Y5-9", "Y_LT18", "Y_LT5"]);
  });

  it("has lines that add up in the benchmark table", () => {
    const { definition, counts } = benchmarkTable(1, 500);
    const { lines } = layOutTable(definition);
    const count = counts.map((c) => c.count);
    for (const l of lines) expect(l.parts.reduce((s, p) => s + (count[p] as number), 0)).toBe(count[l.total]);
  });

  it("refuses definitions that cannot mean what they say", () => {
    const lay = (definition: TableDefinition) => () => layOutTable(definition);
    const cube = [["SEX"]];
    expect(lay({ dimensions: [SEX, SEX], cubes: cube })).toThrow("defined twice");
    expect(lay({ dimensions: [{ ...SEX, codes: ["F", "T", "M"] }], cubes: cube })).toThrow("total T first");
    expect(lay({ dimensions: [{ ...SEX, lines: [{ total: "T", parts: ["F", "X"] }] }], cubes: cube })).toThrow(
      "no code X",
    );
    expect(lay({ dimensions: [{ ...SEX, lines: [{ total: "T", parts: [] }] }], cubes: cube })).toThrow("no parts");
    expect(lay({ dimensions: [SEX], cubes: [["AGE"]] })).toThrow("unknown dimension AGE");
    expect(lay({ dimensions: [SEX], cubes: [["SEX", "SEX"]] })).toThrow("twice");
    expect(lay({ dimensions: [SEX], cubes: [[{ dimension: "SEX", codes: ["F", "M"] }]] })).toThrow("without its total");
  });
});
