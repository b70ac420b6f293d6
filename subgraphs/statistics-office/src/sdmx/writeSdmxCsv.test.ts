/**
 * The SDMX export read back as a consumer would: the CSV parsed with a CSV library, checked
 * against the committed structure message (parsed as XML), and the committed message checked
 * to be what the code lists give today.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { loadProfileDefinitions, TOTAL } from "@hub/contracts";
import { IndicatorDefinition } from "../IndicatorDefinition.entity";
import { Observation } from "../Observation.entity";
import { contractTable } from "../testing/contractTable";
import { readStructureCodes } from "../testing/sdmxStructureCodes";
import { type SDMX_CSV_COLUMNS, STRUCTURE_ID } from "./sdmxStructure";
import { writeSdmxCsv } from "./writeSdmxCsv";
import { currentStructureMessage, STRUCTURE_FILE } from "./writeStructureFile";

/** Every indicator of the definitions, as the store would hold it after a pull of `year`. */
function storedTables(year: number) {
  return loadProfileDefinitions().indicators.map((d) => {
    const indicator = Object.assign(new IndicatorDefinition(), {
      ...d,
      breakdownCodes: d.breakdown?.codes.map((c) => c.code) ?? [],
    });
    const cells = contractTable(indicator, year).cells.map((c, position) =>
      Object.assign(new Observation(), { ...c, year, position, indicatorCode: d.code, pullId: 1 }),
    );
    return { indicator, cells };
  });
}

type Row = Record<(typeof SDMX_CSV_COLUMNS)[number], string>;
const readCsv = (text: string): Row[] => parse(text, { columns: true, skip_empty_lines: true }) as Row[];

describe("the SDMX structure message", () => {
  it("is committed as the code lists give it today (npm run sdmx:structure)", () => {
    expect(readFileSync(STRUCTURE_FILE, "utf8")).toBe(currentStructureMessage());
  });

  it("is well-formed and enumerates every component, the geography as a hierarchy", () => {
    const structure = readStructureCodes(readFileSync(STRUCTURE_FILE, "utf8"));
    expect(structure.dimensions).toEqual(["FREQ", "INDICATOR", "SEX", "AGE", "CITIZENSHIP", "GEO", "BREAKDOWN"]);
    expect(structure.attributes).toEqual(["OBS_STATUS", "CONF_STATUS", "UNIT_MEASURE"]);
    expect([...(structure.codes.get("SEX") ?? [])]).toEqual([TOTAL, "F", "M", "_U"]);
    expect(structure.codes.get("AGE")).toEqual(expect.objectContaining({ size: 22 }));
    expect(structure.codes.get("AGE")?.has("Y15-17")).toBe(true);
    expect(structure.parents.get("CL_GEO")?.get("AM-ER-KE")).toBe("AM-ER");
    expect(structure.parents.get("CL_GEO")?.get("AM-ER")).toBe("AM");
    expect(structure.parents.get("CL_GEO")?.get("AM-ER-_U")).toBe("AM-ER");
  });
});

describe("writeSdmxCsv", () => {
  const csv = writeSdmxCsv(storedTables(2025));
  const rows = readCsv(csv);
  const structure = readStructureCodes(readFileSync(STRUCTURE_FILE, "utf8"));

  it("writes the SDMX-CSV 2.0 header and one row per cell, CRLF line ends", () => {
    expect(csv.split("\r\n")[0]).toBe(
      "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,SEX,AGE,CITIZENSHIP,GEO,BREAKDOWN,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,UNIT_MEASURE",
    );
    expect(rows).toHaveLength(storedTables(2025).reduce((n, t) => n + t.cells.length, 0));
    expect(new Set(rows.map((r) => `${r.STRUCTURE} ${r.STRUCTURE_ID} ${r.ACTION}`))).toEqual(
      new Set([`dataflow ${STRUCTURE_ID} I`]),
    );
  });

  it("codes every dimension and attribute from the structure's code lists", () => {
    const unknown = rows.flatMap((row) =>
      [...structure.codes].flatMap(([component, codes]) => {
        const code = row[component as keyof Row];
        return codes.has(code ?? "") ? [] : [`${component}=${code}`];
      }),
    );
    expect(unknown).toEqual([]);
  });

  it("gives a suppressed cell no value and a confidentiality flag, a rounded cell its status", () => {
    const suppressed = rows.filter((r) => r.OBS_STATUS === "Q");
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) expect([row.OBS_VALUE, row.CONF_STATUS]).toEqual(["", "C"]);
    for (const row of rows.filter((r) => r.OBS_STATUS !== "Q")) {
      expect(row.OBS_VALUE).toMatch(/^\d+$/);
      expect(row.CONF_STATUS).toBe("F");
    }
    const strict = rows.filter((r) => r.INDICATOR === "TRAFFICKING_VICTIMS" && r.OBS_STATUS !== "Q");
    expect(strict.length).toBeGreaterThan(0);
    expect(new Set(strict.map((r) => r.OBS_STATUS))).toEqual(new Set(["R"]));
  });

  it("puts a month's cells in TIME_PERIOD with FREQ M, and the country total in GEO", () => {
    const march = rows.find((r) => r.INDICATOR === "FIRST_PERMITS" && r.TIME_PERIOD === "2025-03");
    expect(march?.FREQ).toBe("M");
    const total = rows.find((r) => r.INDICATOR === "FIRST_PERMITS" && r.SEX === TOTAL && r.FREQ === "A");
    expect([total?.GEO, total?.TIME_PERIOD, total?.UNIT_MEASURE]).toEqual(["AM", "2025", "PERMITS"]);
  });
});
