/** Decoding the GROUPING SETS rows: totals from the GROUPING() bits, unknown and unlisted codes as `_U`. */
import { describe, expect, it } from "@jest/globals";
import { flatDimension, hierarchicalDimension } from "../disclosure";
import type { GroupedColumn } from "./aggregationSql";
import { countCells } from "./countCells";

const columns: GroupedColumn[] = ["sex", "age_band", "age_broad", "citizenship"];
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
        { age_band: null, count: 2, grouped: bits("age_band") },
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

  it("counts a record of a region with districts but without one in the region's unknown district", () => {
    const withDistricts: GroupedColumn[] = ["sex", "region", "district"];
    const set = (...grouped: GroupedColumn[]) =>
      withDistricts.reduce((n, c, i) => n | (grouped.includes(c) ? 0 : 1 << (withDistricts.length - 1 - i)), 0);
    const region = hierarchicalDimension("REGION", "_T", [
      { code: "AM-ER", parts: ["AM-ER-KE", "AM-ER-AB"] },
      { code: "AM-SH", parts: [] },
    ]);
    const { counts, unknownDistricts } = countCells(
      [
        { region: "AM-ER", count: 6, grouped: set("region") },
        { region: "AM-ER", district: "AM-ER-KE", count: 5, grouped: set("region", "district") },
        // Yerevan without a district: without it the districts would add up to 5 of Yerevan's 6.
        { region: "AM-ER", district: null, count: 1, grouped: set("region", "district") },
        // A region without districts has no unknown district: its region cell counts it.
        { region: "AM-SH", district: null, count: 4, grouped: set("region", "district") },
      ],
      withDistricts,
      [flatDimension("SEX", "_T", ["F", "M"]), region],
    );
    expect(counts).toEqual([
      { coordinates: { SEX: "_T", REGION: "AM-ER" }, count: 6 },
      { coordinates: { SEX: "_T", REGION: "AM-ER-KE" }, count: 5 },
      { coordinates: { SEX: "_T", REGION: "AM-ER-_U" }, count: 1 },
    ]);
    expect([...unknownDistricts]).toEqual(["AM-ER"]);
  });
});
