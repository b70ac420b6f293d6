/** The report's tables from served cells: the right cube, rows by sex, totals last, age and region grouping. */
import { describe, expect, it } from "@jest/globals";
import {
  CHARTED_CITIZENSHIPS,
  chartDimension,
  chartRows,
  dimensionOf,
  nothingToChart,
  sexTable,
  tableDimensions,
  TOTAL,
} from "./profileTables";
import type { Observation, Region } from "./queries";

const cell = (sex: string, dims: Partial<Observation>, value: number | null = 10): Observation => ({
  year: 2025,
  sex,
  age: TOTAL,
  citizenship: TOTAL,
  region: TOTAL,
  month: TOTAL,
  breakdown: TOTAL,
  value,
  flag: value === null ? "SUPPRESSED" : "NONE",
  ...dims,
});

// Cells of two cubes, [SEX, AGE] and [SEX, REGION], sharing the grand total as every cube does.
const cells: Observation[] = [
  cell(TOTAL, {}, 100),
  cell("F", {}, 40),
  cell("M", {}, 60),
  cell("F", { age: "Y_LT5" }, 12),
  cell("M", { age: "Y_LT5" }, null),
  cell(TOTAL, { age: "Y_LT5" }, 20),
  cell("F", { age: "Y5-9" }, 28),
  cell("F", { age: "Y_LT18" }, 40),
  cell(TOTAL, { age: "Y_GE18" }, 50),
  cell("F", { region: "AM-ER" }, 30),
  cell("F", { region: "AM-ER-KEN" }, 9),
  cell("F", { region: "AM-SH" }, null),
  cell("F", { region: "XX-UNLISTED" }, 1),
  cell("F", { region: "AM-LO-DIST" }, 2),
  cell("F", { region: "AM-ER-_U" }, 6),
  // A cell of another cube (age × citizenship) belongs to neither table.
  cell("F", { age: "Y_LT5", citizenship: "RU" }, 5),
];

const regions: Region[] = [
  { code: "AM-ER", name: "Yerevan", parent: null },
  { code: "AM-LO", name: "Lori", parent: null },
  { code: "AM-SH", name: "Shirak", parent: null },
  { code: "AM-ER-KEN", name: "Kentron", parent: "AM-ER" },
  { code: "AM-LO-DIST", name: "A district of Lori", parent: "AM-LO" },
];

describe("sexTable", () => {
  it("takes the cells of the [SEX, dimension] cube only, female / male / total per row and the total row apart", () => {
    const table = sexTable(cells, "age");
    const rows = table.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => r.code)).toEqual(["Y_LT5", "Y5-9", "Y_LT18", "Y_GE18"]);
    const under5 = rows[0];
    expect([under5?.female?.value, under5?.male?.value, under5?.total?.value]).toEqual([12, null, 20]);
    expect(under5?.male?.flag).toBe("SUPPRESSED");
    expect(under5?.female?.citizenship).toBe(TOTAL);
    expect(rows[1]?.male).toBeNull();
    expect([table.total.female?.value, table.total.male?.value, table.total.total?.value]).toEqual([40, 60, 100]);
  });

  it("keeps the age bands apart from minors and adults, which they add up to", () => {
    const table = sexTable(cells, "age");
    expect(table.groups.map((g) => [g.label, g.rows.map((r) => r.code)])).toEqual([
      ["Age bands", ["Y_LT5", "Y5-9"]],
      ["Minors and adults", ["Y_LT18", "Y_GE18"]],
    ]);
    expect(chartRows(table).map((r) => r.code)).toEqual(["Y_LT5", "Y5-9"]);
  });

  it("orders regions by the code list with each district under its region, unlisted codes last", () => {
    const table = sexTable(cells, "region", regions);
    expect(table.groups).toHaveLength(1);
    const rows = table.groups[0]?.rows ?? [];
    expect(rows.map((r) => [r.code, r.depth])).toEqual([
      ["AM-ER", 0],
      ["AM-ER-KEN", 1],
      // Yerevan's records without a district, after its districts.
      ["AM-ER-_U", 1],
      // Lori has no row of its own: its district is not indented under nothing.
      ["AM-LO-DIST", 0],
      ["AM-SH", 0],
      ["XX-UNLISTED", 0],
    ]);
    expect(chartRows(table).map((r) => r.code)).toEqual(["AM-ER", "AM-LO-DIST", "AM-SH", "XX-UNLISTED"]);
  });

  it("gives an empty table, total row included, for a dimension with no cells", () => {
    const table = sexTable(cells.slice(3, 5), "month");
    expect(table.groups).toEqual([{ label: null, rows: [] }]);
    expect(table.folded).toEqual([]);
    expect(table.total).toEqual({ code: TOTAL, female: null, male: null, total: null, depth: 0 });
  });
});

describe("citizenship", () => {
  const byCitizenship: Observation[] = [
    cell("F", { citizenship: "AF" }, null),
    cell(TOTAL, { citizenship: "AF" }, null),
    cell("F", { citizenship: "GE" }, 20),
    cell(TOTAL, { citizenship: "GE" }, 40),
    cell(TOTAL, { citizenship: "IR" }, null),
    cell("M", { citizenship: "IR" }, 12),
    cell(TOTAL, { citizenship: "RU" }, 90),
    cell(TOTAL, { citizenship: "SY" }, 40),
    cell("M", { citizenship: "UA" }, null),
  ];
  const table = sexTable(byCitizenship, "citizenship");

  it("lists the largest published totals first, a suppressed total after them in served order", () => {
    expect(table.groups.flatMap((g) => g.rows.map((r) => r.code))).toEqual(["RU", "GE", "SY", "IR"]);
  });

  it("folds the citizenships with nothing but suppressed figures into one row", () => {
    expect(table.folded).toEqual(["AF", "UA"]);
    expect(sexTable(cells, "age").folded).toEqual([]);
  });

  it("charts the largest citizenships only, and knows when there is nothing to draw", () => {
    const many = Array.from({ length: 20 }, (_, i) => cell(TOTAL, { citizenship: `C${i}` }, 100 - i));
    expect(chartRows(sexTable(many, "citizenship")).map((r) => r.code)).toEqual(
      Array.from({ length: CHARTED_CITIZENSHIPS }, (_, i) => `C${i}`),
    );
    expect(nothingToChart(chartRows(table))).toBe(false);
    expect(nothingToChart(chartRows(sexTable(byCitizenship.slice(0, 2), "citizenship")))).toBe(true);
  });
});

describe("dimensions of a template", () => {
  it("reads the template's disaggregations, whatever their case, without SEX (the columns) or unknown names", () => {
    expect(dimensionOf("AGE")).toBe("age");
    expect(dimensionOf(" Region ")).toBe("region");
    expect(dimensionOf("SEX")).toBeNull();
    expect(tableDimensions(["SEX", "AGE", "CITIZENSHIP", "age", "EDUCATION", "BREAKDOWN"])).toEqual([
      "age",
      "citizenship",
      "breakdown",
    ]);
  });

  it("charts the year's course first, then the age structure", () => {
    expect(chartDimension(["age", "citizenship", "month"])).toBe("month");
    expect(chartDimension(["citizenship", "age"])).toBe("age");
    expect(chartDimension(["citizenship"])).toBe("citizenship");
    expect(chartDimension([])).toBeNull();
  });
});
