/** Disclosure control of agency aggregates on small hand-made tables: thresholds, rounding, suppression, linking. */
import { describe, expect, it } from "@jest/globals";
import { ageDimension, BROAD_AGE_GROUPS } from "./ageDimension";
import { countRecords, type CountedRecord } from "./countRecords";
import { derivableCells } from "./derivableCells";
import { regimeFor, type DisclosureRegime } from "./DisclosureRegime";
import { layOutTable } from "./layOutTable";
import { protectTable, type ProtectedCell, type ProtectedTable } from "./protectTable";
import { flatDimension, hierarchicalDimension, type Coordinates, type TableDefinition } from "./TableDefinition";

const SEX = flatDimension("SEX", "TOTAL", ["FEMALE", "MALE"]);
const CITIZENSHIP = flatDimension("CITIZENSHIP", "TOTAL", ["AA", "BB", "CC"]);

/** Counts of records given as `[codes, how many]`. */
const counted = (definition: TableDefinition, groups: readonly [CountedRecord, number][]) =>
  countRecords(
    definition,
    groups.flatMap(([record, n]) => Array.from({ length: n }, () => record)),
  );

function cell(table: ProtectedTable, coordinates: Coordinates): ProtectedCell {
  const found = table.cells.find((c) => Object.entries(coordinates).every(([d, code]) => c.coordinates[d] === code));
  if (!found) throw new Error(`no cell ${JSON.stringify(coordinates)}`);
  return found;
}

const hiddenOf = (table: ProtectedTable) => table.cells.map((c) => c.flag === "SUPPRESSED");

/** No line with exactly one hidden cell, and no hidden cell computable through the lines. */
function expectProtected(definition: TableDefinition, table: ProtectedTable): void {
  const { lines } = layOutTable(definition);
  const hidden = hiddenOf(table);
  for (const line of lines) expect([line.total, ...line.parts].filter((i) => hidden[i]).length).not.toBe(1);
  expect(derivableCells(lines, hidden)).toEqual([]);
}

// Sex x citizenship: every interior cell 50 unless given, keyed `SEX|CITIZENSHIP`.
const BY_CITIZENSHIP: TableDefinition = { dimensions: [SEX, CITIZENSHIP], cubes: [["SEX", "CITIZENSHIP"]] };
function byCitizenship(interior: Record<string, number>, regime: DisclosureRegime = "STANDARD"): ProtectedTable {
  const groups = SEX.codes
    .slice(1)
    .flatMap((s) =>
      CITIZENSHIP.codes
        .slice(1)
        .map((c): [CountedRecord, number] => [{ SEX: [s], CITIZENSHIP: [c] }, interior[`${s}|${c}`] ?? 50]),
    );
  return protectTable(BY_CITIZENSHIP, counted(BY_CITIZENSHIP, groups), regime);
}
const servedAs = (count: number, regime: DisclosureRegime = "STANDARD") => {
  const { value, flag } = cell(byCitizenship({ "FEMALE|BB": count }, regime), { SEX: "FEMALE", CITIZENSHIP: "BB" });
  return { value, flag };
};

describe("primary suppression", () => {
  it("withholds counts below 5 and serves 5 and above exactly", () => {
    expect(servedAs(4)).toEqual({ value: null, flag: "SUPPRESSED" });
    expect(servedAs(5)).toEqual({ value: 5, flag: "NONE" });
  });

  it("withholds zeros: an empty group is a count below the threshold too", () => {
    expect(servedAs(0).flag).toBe("SUPPRESSED");
  });

  it("uses 10 under STRICT for every cell", () => {
    expect(servedAs(9, "STRICT").flag).toBe("SUPPRESSED");
    expect(servedAs(10, "STRICT")).toEqual({ value: 10, flag: "ROUNDED" });
  });

  it("uses 10 for cells of persons under 18 in the broad age groups, and 5 for adults", () => {
    const definition: TableDefinition = {
      dimensions: [SEX, ageDimension()],
      cubes: [["SEX", { dimension: "AGE", codes: BROAD_AGE_GROUPS }]],
    };
    const withMinors = (women: number) =>
      protectTable(
        definition,
        counted(definition, [
          [{ SEX: ["FEMALE"], AGE: ["Y15-17"] }, women],
          [{ SEX: ["MALE"], AGE: ["Y15-17"] }, 20],
          [{ SEX: ["FEMALE"], AGE: ["Y20-24", "Y_GE18"] }, 7],
          [{ SEX: ["MALE"], AGE: ["Y20-24", "Y_GE18"] }, 30],
        ]),
        "STANDARD",
      );
    expect(cell(withMinors(9), { SEX: "FEMALE", AGE: "Y_LT18" }).flag).toBe("SUPPRESSED");
    expect(cell(withMinors(10), { SEX: "FEMALE", AGE: "Y_LT18" })).toMatchObject({ value: 10, flag: "NONE" });
    expect(cell(withMinors(10), { SEX: "FEMALE", AGE: "Y_GE18" })).toMatchObject({ value: 7, flag: "NONE" });
  });

  it("uses 10 for the age bands of persons under 18, and 5 for the others", () => {
    const definition: TableDefinition = { dimensions: [SEX, ageDimension()], cubes: [["SEX", "AGE"]] };
    const table = protectTable(
      definition,
      counted(definition, [
        [{ SEX: ["FEMALE"], AGE: ["Y15-17"] }, 9],
        [{ SEX: ["FEMALE"], AGE: ["Y20-24", "Y_GE18"] }, 9],
        [{ SEX: ["MALE"], AGE: ["Y15-17"] }, 30],
        [{ SEX: ["MALE"], AGE: ["Y20-24", "Y_GE18"] }, 40],
      ]),
      "STANDARD",
    );
    expect(cell(table, { SEX: "FEMALE", AGE: "Y15-17" }).flag).toBe("SUPPRESSED");
    expect(cell(table, { SEX: "FEMALE", AGE: "Y20-24" })).toMatchObject({ value: 9, flag: "NONE" });
  });

  it("makes ASYLUM and TRAFFICKING counts STRICT and the rest STANDARD", () => {
    expect([regimeFor("ASYLUM"), regimeFor("TRAFFICKING"), regimeFor("TRAVEL"), regimeFor("RESIDENCE")]).toEqual([
      "STRICT",
      "STRICT",
      "STANDARD",
      "STANDARD",
    ]);
  });
});

describe("rounding", () => {
  it("serves STRICT values rounded to the nearest 5, flagged ROUNDED, and names the regime", () => {
    const table = byCitizenship({ "FEMALE|AA": 12, "FEMALE|BB": 13 }, "STRICT");
    expect(table.regime).toBe("STRICT");
    expect(cell(table, { SEX: "FEMALE", CITIZENSHIP: "AA" })).toMatchObject({ value: 10, flag: "ROUNDED" });
    expect(cell(table, { SEX: "FEMALE", CITIZENSHIP: "BB" })).toMatchObject({ value: 15, flag: "ROUNDED" });
    expect(cell(table, { SEX: "TOTAL", CITIZENSHIP: "AA" })).toMatchObject({ value: 60, flag: "ROUNDED" });
    for (const c of table.cells) expect([c.flag, (c.value as number) % 5]).toEqual(["ROUNDED", 0]);
  });

  it("never rounds a suppressed cell into a value", () => {
    const table = byCitizenship({ "MALE|CC": 3 }, "STRICT");
    expect(cell(table, { SEX: "MALE", CITIZENSHIP: "CC" })).toMatchObject({ value: null, flag: "SUPPRESSED" });
    expect(table.cells.filter((c) => c.flag === "SUPPRESSED").length).toBeGreaterThan(1);
    for (const c of table.cells) expect(c.flag === "SUPPRESSED" || c.flag === "ROUNDED").toBe(true);
    for (const c of table.cells) expect(c.value === null).toBe(c.flag === "SUPPRESSED");
  });

  it("serves STANDARD values exactly", () => {
    const standard = byCitizenship({ "FEMALE|AA": 12 });
    expect(standard.regime).toBe("STANDARD");
    expect(cell(standard, { SEX: "FEMALE", CITIZENSHIP: "AA" })).toMatchObject({ value: 12, flag: "NONE" });
  });
});

describe("secondary suppression along rows and columns", () => {
  const table = byCitizenship({ "FEMALE|BB": 3, "FEMALE|CC": 20, "MALE|CC": 25 });

  it("hides the smallest other part of each line that had a single hidden cell", () => {
    expect(cell(table, { SEX: "FEMALE", CITIZENSHIP: "BB" }).value).toBeNull();
    expect(cell(table, { SEX: "MALE", CITIZENSHIP: "BB" }).value).toBeNull(); // along sex: the only other part
    expect(cell(table, { SEX: "FEMALE", CITIZENSHIP: "CC" }).value).toBeNull(); // along citizenship: 20 < 50
    expect(cell(table, { SEX: "MALE", CITIZENSHIP: "CC" }).value).toBeNull(); // along citizenship: 25 < 50
    expect(cell(table, { SEX: "FEMALE", CITIZENSHIP: "AA" }).value).toBe(50);
    expect(cell(table, { SEX: "MALE", CITIZENSHIP: "AA" }).value).toBe(50);
    expect(cell(table, { SEX: "TOTAL", CITIZENSHIP: "TOTAL" }).value).toBe(198);
  });

  it("leaves no line with one hidden cell and no hidden cell computable", () => {
    expectProtected(BY_CITIZENSHIP, table);
  });
});

describe("secondary suppression in a geography hierarchy", () => {
  const REGION = hierarchicalDimension("REGION", "TOTAL", [
    { code: "R1", parts: ["R1-D1", "R1-D2", "R1-D3"] },
    { code: "R2", parts: ["R2-D1", "R2-D2"] },
    { code: "R3", parts: [] },
  ]);
  const definition: TableDefinition = { dimensions: [SEX, REGION], cubes: [["SEX", "REGION"]] };
  const districts: Record<string, number> = { "R1-D1": 3, "R1-D2": 40, "R1-D3": 25, "R2-D1": 30, "R2-D2": 30, R3: 60 };
  const table = protectTable(
    definition,
    counted(
      definition,
      Object.entries(districts).flatMap(([code, n]): [CountedRecord, number][] => [
        [{ SEX: ["FEMALE"], REGION: [code] }, Math.ceil(n / 2)],
        [{ SEX: ["MALE"], REGION: [code] }, Math.floor(n / 2)],
      ]),
    ),
    "STANDARD",
  );
  const served = (region: string, sex = "TOTAL") => cell(table, { SEX: sex, REGION: region }).value;

  it("hides a second district of a region with a suppressed district, and keeps the region", () => {
    expect(served("R1-D1")).toBeNull();
    expect(served("R1-D3")).toBeNull(); // the smaller sibling
    expect(served("R1-D2")).toBe(40);
    expect(served("R1")).toBe(68);
    expect(served("TOTAL")).toBe(188);
  });

  it("leaves no district computable as its region minus its siblings", () => {
    for (const sex of SEX.codes) {
      const hiddenDistricts = ["R1-D1", "R1-D2", "R1-D3"].filter((d) => served(d, sex) === null);
      if (served("R1", sex) !== null) expect(hiddenDistricts.length).not.toBe(1);
    }
    expectProtected(definition, table);
  });
});

describe("linked cubes", () => {
  const AGE = flatDimension("AGE", "TOTAL", ["Y_LT18", "Y_GE18"], ["Y_LT18"]);
  const REGION = flatDimension("REGION", "TOTAL", ["R1", "R2", "R3"]);
  const definition: TableDefinition = {
    dimensions: [SEX, AGE, REGION],
    cubes: [
      ["SEX", "AGE"],
      ["AGE", "REGION"],
    ],
  };
  const adults: Record<string, number> = { "FEMALE|R1": 30, "FEMALE|R2": 20, "FEMALE|R3": 25 };
  Object.assign(adults, { "MALE|R1": 25, "MALE|R2": 30, "MALE|R3": 40 });
  const table = protectTable(
    definition,
    counted(definition, [
      [{ SEX: ["FEMALE"], AGE: ["Y_LT18"], REGION: ["R1"] }, 5],
      [{ SEX: ["MALE"], AGE: ["Y_LT18"], REGION: ["R2"] }, 4],
      ...Object.entries(adults).map(([key, n]): [CountedRecord, number] => {
        const [sex = "", region = ""] = key.split("|");
        return [{ SEX: [sex], AGE: ["Y_GE18"], REGION: [region] }, n];
      }),
    ]),
    "STANDARD",
  );
  const at = (sex: string, age: string, region: string) => cell(table, { SEX: sex, AGE: age, REGION: region });

  it("hides a margin the cubes share in both, each cube's lines through it with a second hidden cell", () => {
    // 9 minors in all: suppressed, so the adults' margin (170) is its complement along age.
    expect(at("TOTAL", "Y_LT18", "TOTAL").flag).toBe("SUPPRESSED");
    expect(at("TOTAL", "Y_GE18", "TOTAL").flag).toBe("SUPPRESSED");
    expect(table.cells.filter((c) => c.coordinates.AGE === "Y_GE18" && c.coordinates.SEX === "TOTAL")).toHaveLength(4);
    // Sex x age: adult women (75) hidden with it; age x region: adults of R2 (50), the smallest region.
    expect(at("FEMALE", "Y_GE18", "TOTAL").value).toBeNull();
    expect(at("TOTAL", "Y_GE18", "R2").value).toBeNull();
    expect(at("TOTAL", "TOTAL", "TOTAL").value).toBe(179);
    expectProtected(definition, table);
  });
});

describe("stability", () => {
  const definition: TableDefinition = {
    dimensions: [SEX, ageDimension(), CITIZENSHIP],
    cubes: [["SEX", "AGE"], ["SEX", { dimension: "AGE", codes: BROAD_AGE_GROUPS }, "CITIZENSHIP"], ["CITIZENSHIP"]],
  };
  const counts = counted(definition, [
    [{ SEX: ["FEMALE"], AGE: ["Y15-17"], CITIZENSHIP: ["AA"] }, 3],
    [{ SEX: ["FEMALE"], AGE: ["Y18-19"], CITIZENSHIP: ["BB"] }, 7],
    [{ SEX: ["MALE"], AGE: ["Y30-34", "Y_GE18"], CITIZENSHIP: ["AA"] }, 12],
    [{ SEX: ["MALE"], AGE: ["Y5-9", "Y_LT18"], CITIZENSHIP: ["CC"] }, 6],
    [{ SEX: ["FEMALE"], AGE: ["Y40-44", "Y_GE18"], CITIZENSHIP: ["CC"] }, 30],
  ]);
  const once = JSON.stringify(protectTable(definition, counts, "STANDARD"));

  it("gives the same cells, byte for byte, whatever order the counts come in", () => {
    const reversed = [...counts].reverse();
    const interleaved = counts.filter((_, i) => i % 2 === 1).concat(counts.filter((_, i) => i % 2 === 0));
    expect(JSON.stringify(protectTable(definition, reversed, "STANDARD"))).toBe(once);
    expect(JSON.stringify(protectTable(definition, interleaved, "STANDARD"))).toBe(once);
  });

  it("gives the same cells when run again, and when the cubes are listed in another order", () => {
    expect(JSON.stringify(protectTable(definition, counts, "STANDARD"))).toBe(once);
    const reordered = { ...definition, cubes: [...definition.cubes].reverse() };
    expect(JSON.stringify(protectTable(reordered, counts, "STANDARD"))).toBe(once);
  });

  it("serves every cell of every cube once, in canonical order, the all-totals cell first", () => {
    const table = protectTable(definition, counts, "STANDARD");
    // Sex x age, plus sex x broad age x citizenship less the 9 cells it shares; the citizenship cube is in it.
    expect(table.cells).toHaveLength(3 * 21 + 3 * 3 * 4 - 3 * 3);
    expect(table.cells[0]?.coordinates).toEqual({ SEX: "TOTAL", AGE: "TOTAL", CITIZENSHIP: "TOTAL" });
    const positions = table.cells.map((c) =>
      definition.dimensions.map((d) => d.codes.indexOf(c.coordinates[d.id] ?? "")),
    );
    const sorted = [...positions].sort((a, b) => a.reduce((o, p, i) => o || p - (b[i] as number), 0));
    expect(positions).toEqual(sorted);
    for (const c of table.cells) expect(c.value === null).toBe(c.flag === "SUPPRESSED");
  });
});

describe("counts that do not fit the definition", () => {
  const protect = (coordinates: Coordinates, count = 1) =>
    protectTable(BY_CITIZENSHIP, [{ coordinates, count }], "STANDARD");

  it("refuses unknown codes and dimensions, missing dimensions and impossible counts", () => {
    expect(() => protect({ SEX: "FEMALE", CITIZENSHIP: "ZZ" })).toThrow("unknown code ZZ of dimension CITIZENSHIP");
    expect(() => protect({ SEX: "FEMALE" })).toThrow("no code for dimension CITIZENSHIP");
    expect(() => protect({ SEX: "FEMALE", CITIZENSHIP: "AA", AGE: "TOTAL" })).toThrow("does not define: AGE");
    expect(() => protect({ SEX: "FEMALE", CITIZENSHIP: "AA" }, -1)).toThrow("not a non-negative integer");
    expect(() => protect({ SEX: "FEMALE", CITIZENSHIP: "AA" }, 2.5)).toThrow("not a non-negative integer");
  });

  it("refuses a cell counted twice", () => {
    const twice = [1, 2].map((count) => ({ coordinates: { SEX: "MALE", CITIZENSHIP: "AA" }, count }));
    expect(() => protectTable(BY_CITIZENSHIP, twice, "STANDARD")).toThrow("counted twice");
  });

  it("counts a cell without a count as zero, which is suppressed", () => {
    expect(cell(protect({ SEX: "MALE", CITIZENSHIP: "AA" }, 50), { SEX: "MALE", CITIZENSHIP: "BB" }).flag).toBe(
      "SUPPRESSED",
    );
  });
});
