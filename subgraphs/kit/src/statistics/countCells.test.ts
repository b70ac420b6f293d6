/** Decoding the GROUPING SETS rows: totals from the GROUPING() bits, unknown and unlisted codes as `_U`. */
import { describe, expect, it } from "@jest/globals";
import { flatDimension } from "../disclosure";
import type { GroupedColumn } from "./aggregationSql";
import { countCells } from "./countCells";

const columns: GroupedColumn[] = ["sex", "age5", "age_broad", "citizenship"];
const dimensions = [flatDimension("SEX", "_T", ["F", "M"]), flatDimension("CITIZENSHIP", "_T", ["AM", "RU"])];
/** GROUPING() bits: 1 for each column the row's set leaves out, first column highest. */
const bits = (...grouped: GroupedColumn[]) =>
  columns.reduce((n, c, i) => n | (grouped.includes(c) ? 0 : 1 << (columns.length - 1 - i)), 0);

describe("countCells", () => {
  it("reads a column left out of the row's set as the total and a NULL it groups by as unknown", () => {
    const { counts, unknown } = countCells(
      [
        { sex: null, count: 7, grouped: bits() },
        { sex: "F", count: 4, grouped: bits("sex") },
        { sex: null, count: 3, grouped: bits("sex") },
      ],
      columns,
      dimensions,
    );
    expect(counts).toEqual([
      { coordinates: { SEX: "_T", CITIZENSHIP: "_T" }, count: 7 },
      { coordinates: { SEX: "F", CITIZENSHIP: "_T" }, count: 4 },
      { coordinates: { SEX: "_U", CITIZENSHIP: "_T" }, count: 3 },
    ]);
    expect([...unknown]).toEqual(["SEX"]);
  });

  it("adds up unlisted codes of one set and counts records once when two sets give one cell", () => {
    const { counts } = countCells(
      [
        { citizenship: "XK", count: 2, grouped: bits("citizenship") },
        { citizenship: "ZZ", count: 1, grouped: bits("citizenship") },
        { citizenship: "AM", count: 5, grouped: bits("citizenship") },
        // An unknown age under both classifications: the same two records.
        { age5: null, count: 2, grouped: bits("age5") },
        { age_broad: null, count: 2, grouped: bits("age_broad") },
      ],
      columns,
      [...dimensions, flatDimension("AGE", "_T", ["Y_LT18", "Y_GE18"])],
    );
    expect(counts).toEqual([
      { coordinates: { SEX: "_T", CITIZENSHIP: "_U", AGE: "_T" }, count: 3 },
      { coordinates: { SEX: "_T", CITIZENSHIP: "AM", AGE: "_T" }, count: 5 },
      { coordinates: { SEX: "_T", CITIZENSHIP: "_T", AGE: "_U" }, count: 2 },
    ]);
  });
});
