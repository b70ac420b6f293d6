/**
 * An attacker's audit of the source tables: for every seeded indicator-year, the table is read as
 * the statistician reads it, its lines are rebuilt from the code lists alone (as any reader can),
 * and exact linear algebra asks whether a suppressed cell, or a cell no cube publishes but the
 * published ones determine (persons aged 15-17 and 18-19, between the two age classifications),
 * follows from what is published plus what every reader knows to be zero (a national needs no
 * residence permit; a national's return is no foreigner's). The raw counts, read from the
 * agency's own database, say whether what follows is small. The month under way is taken as
 * empty too, which a reader knows on its first days. HUB_TEST_PERSONS=30000 gives a world large
 * enough for cells to be served and the age classifications to matter.
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import {
  countIndicator,
  flatDimension,
  layOutTable,
  type Dimension,
  type Line,
  type StatisticalIndicator,
  type StatisticalTable,
} from "@hub/kit";
import { BORDER_POLICE_INDICATORS } from "@hub/border-police/dist/borderPoliceIndicators";
import { MIGRATION_SERVICE_INDICATORS } from "@hub/migration-service/dist/migrationServiceIndicators";
import { HOME_COUNTRY, REGIONS } from "@hub/synthetic";
import { as, gql, hub } from "../harness/fixtures";

const FIELDS = ["sex", "age", "citizenship", "region", "month", "breakdown"] as const;
const IDS = ["SEX", "AGE", "CITIZENSHIP", "REGION", "MONTH", "BREAKDOWN"] as const;
const BANDS_UNDER_15 = ["Y_LT5", "Y5-9", "Y10-14"];
const BANDS_OVER_19 = [...Array.from({ length: 12 }, (_, i) => `Y${20 + 5 * i}-${24 + 5 * i}`), "Y_GE80"];
/** Indicators of foreigners only: everyone knows their national (first-citizenship) cells are empty. */
const FOREIGNERS_ONLY = new Set([
  "FIRST_PERMITS",
  "ASYLUM_FIRST_TIME_APPLICANTS",
  "ASYLUM_FIRST_INSTANCE_DECISIONS",
  "ORDERS_TO_LEAVE",
  "RETURNS",
]);
const SOURCES = [
  { field: "borderPoliceStatistics", db: "border-police", indicators: BORDER_POLICE_INDICATORS },
  { field: "migrationServiceStatistics", db: "migration-service", indicators: MIGRATION_SERVICE_INDICATORS },
];

type Coordinates = Record<string, string>;
const keyOf = (c: Coordinates) => IDS.map((id) => c[id] ?? "_T").join("|");

/** The table's dimensions as a reader rebuilds them from the codes served and the public code lists. */
function readerDimensions(table: StatisticalTable): Dimension[] {
  const present = new Set(table.cubes.flat());
  return IDS.filter((id) => present.has(id)).map((id) => {
    const field = FIELDS[IDS.indexOf(id)] as (typeof FIELDS)[number];
    const codes = [...new Set(table.cells.map((c) => c[field]))].filter((c) => c !== "_T");
    const unknown = codes.includes("_U") ? ["_U"] : [];
    if (id === "AGE") {
      const bands = codes.filter((c) => c.startsWith("Y") && !["Y_LT18", "Y_GE18"].includes(c));
      return {
        id,
        total: "_T",
        codes: ["_T", ...codes],
        lines: [
          { total: "_T", parts: [...bands, ...unknown] },
          { total: "_T", parts: ["Y_LT18", "Y_GE18", ...unknown] },
        ],
      };
    }
    if (id === "REGION") {
      const top = codes.filter((c) => REGIONS.some((r) => r.code === c && r.parent === null) || c === "_U");
      const nested = top
        .map((r) => ({ total: r, parts: codes.filter((c) => REGIONS.some((d) => d.code === c && d.parent === r)) }))
        .filter((l) => l.parts.length > 0);
      return { id, total: "_T", codes: ["_T", ...codes], lines: [{ total: "_T", parts: top }, ...nested] };
    }
    return flatDimension(id, "_T", codes);
  });
}

/**
 * Gauss-Jordan over the lines with the known cells as constants: the unknowns whose value the
 * system fixes, with that value (exact under STANDARD, where published values are exact).
 */
function solve(lines: readonly Line[], known: ReadonlyMap<number, number>): Map<number, number> {
  const unknowns = [...new Set(lines.flatMap((l) => [l.total, ...l.parts]))].filter((c) => !known.has(c));
  const column = new Map(unknowns.map((c, i) => [c, i]));
  const rows: number[][] = [];
  for (const l of lines) {
    const row = new Array<number>(unknowns.length + 1).fill(0);
    let any = false;
    for (const [cell, k] of [[l.total, -1] as const, ...l.parts.map((p) => [p, 1] as const)]) {
      const j = column.get(cell);
      if (j === undefined) row[unknowns.length] = (row[unknowns.length] as number) - k * (known.get(cell) as number);
      else [row[j], any] = [(row[j] as number) + k, true];
    }
    if (any) rows.push(row);
  }
  let r = 0;
  const pivots: number[] = [];
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && Math.abs(row[c] as number) > 1e-9);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p] as number[], rows[r] as number[]];
    const pivot = rows[r] as number[];
    const scale = pivot[c] as number;
    for (let j = 0; j <= unknowns.length; j++) pivot[j] = (pivot[j] as number) / scale;
    for (const [i, row] of rows.entries()) {
      const f = row[c] as number;
      if (i === r || f === 0) continue;
      for (let j = 0; j <= unknowns.length; j++) {
        const v = (row[j] as number) - f * (pivot[j] as number);
        row[j] = Math.abs(v) < 1e-9 ? 0 : v;
      }
    }
    pivots.push(c);
    r++;
  }
  const fixed = new Map<number, number>();
  pivots.forEach((c, i) => {
    const row = rows[i] as number[];
    if (row.slice(0, unknowns.length).every((v, j) => j === c || v === 0)) {
      fixed.set(unknowns[c] as number, Math.round(row[unknowns.length] as number));
    }
  });
  return fixed;
}

interface Finding {
  table: string;
  cell: string;
  derived: number;
  truth: number;
  how: string;
}

async function auditTable(
  field: string,
  indicator: StatisticalIndicator,
  year: number,
  db: Client,
): Promise<Finding[] | null> {
  const query = `query($i: String!, $y: Int!) { t: ${field}(indicator: $i, year: $y) {
    indicator year unit regime cubes cells { sex age citizenship region month breakdown value flag } } }`;
  const res = await gql(query, { ...(await as("statistician")), variables: { i: indicator.code, y: year } });
  const table = res.body.data?.t as StatisticalTable | null | undefined;
  if (!table) return null;
  const dimensions = readerDimensions(table);
  const layout = layOutTable({ dimensions, cubes: table.cubes });
  expect(layout.cells.length).toBe(table.cells.length);
  const reader = { query: async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows };
  const raw = await countIndicator(reader as unknown as DataSource, indicator, year);
  const truthOf = new Map(raw.counts.map((c) => [keyOf(c.coordinates), c.count]));
  const truth = (c: Coordinates) => truthOf.get(keyOf(c)) ?? 0;

  const known = new Map<number, number>();
  const cellOf = new Map<string, number>();
  table.cells.forEach((cell) => {
    const coordinates: Coordinates = {};
    dimensions.forEach((d) => {
      const field = FIELDS[IDS.indexOf(d.id as (typeof IDS)[number])] as (typeof FIELDS)[number];
      coordinates[d.id] = cell[field];
    });
    const index = layout.indexOf(coordinates) as number;
    cellOf.set(keyOf(coordinates), index);
    if (cell.value !== null) known.set(index, cell.value);
  });
  const coordinatesOf = (index: number) => layout.cells[index] as Coordinates;
  // What every reader knows is empty: nationals among foreigners' events, foreigners among nationals' returns.
  const structural = (c: Coordinates) =>
    (FOREIGNERS_ONLY.has(indicator.code) && c.CITIZENSHIP === HOME_COUNTRY) ||
    (indicator.code === "RETURNING_NATIONALS" &&
      c.CITIZENSHIP !== undefined &&
      !["_T", HOME_COUNTRY].includes(c.CITIZENSHIP));
  const zeros = new Map(known);
  layout.cells.forEach((c, i) => {
    if (!known.has(i) && structural(c) && truth(c) === 0) zeros.set(i, 0);
  });
  // The month under way when it has just begun: a reader knows it holds (almost) nothing yet.
  const now = new Date();
  const thisMonth = String(now.getUTCMonth() + 1).padStart(2, "0");
  const fresh = new Map(known);
  layout.cells.forEach((c, i) => {
    if (!known.has(i) && year === now.getUTCFullYear() && c.MONTH === thisMonth && truth(c) === 0) fresh.set(i, 0);
  });

  // Cells no cube publishes that the two age classifications imply, one pair per sex.
  const lines: Line[] = [...layout.lines];
  const implicit = new Map<number, { label: string; truth: number }>();
  const ageId = dimensions.find((d) => d.id === "AGE");
  let next = layout.cells.length;
  if (ageId) {
    for (const sex of ["_T", "F", "M"]) {
      const at = (age: string) => cellOf.get(keyOf({ SEX: sex, AGE: age }));
      const parts = [...BANDS_UNDER_15, "Y15-19", "Y_LT18", "Y_GE18", ...BANDS_OVER_19].map(at);
      if (parts.some((p) => p === undefined)) continue;
      const count = (age: string) => truth({ SEX: sex, AGE: age });
      const teen = count("Y_LT18") - BANDS_UNDER_15.reduce((s, a) => s + count(a), 0);
      const [y1517, y1819] = [next++, next++];
      implicit.set(y1517, { label: `${sex}|Y15-17`, truth: teen });
      implicit.set(y1819, { label: `${sex}|Y18-19`, truth: count("Y15-19") - teen });
      lines.push(
        { total: at("Y_LT18") as number, parts: [...BANDS_UNDER_15.map((a) => at(a) as number), y1517] },
        { total: at("Y_GE18") as number, parts: [y1819, ...BANDS_OVER_19.map((a) => at(a) as number)] },
        { total: at("Y15-19") as number, parts: [y1517, y1819] },
      );
    }
  }

  const strict = table.regime === "STRICT";
  const findings: Finding[] = [];
  const name = `${indicator.code} ${year}`;
  const report = (fixed: Map<number, number>, how: string) => {
    for (const [index, derived] of fixed) {
      const extra = implicit.get(index);
      const hiddenCell = extra === undefined && !known.has(index) && !zeros.has(index);
      if (extra === undefined && !hiddenCell) continue;
      const value = extra?.truth ?? truth(coordinatesOf(index));
      const small = value < (strict || (extra?.label ?? "").includes("Y15-17") ? 10 : 5);
      if (extra && !small) continue;
      const cell = extra?.label ?? keyOf(coordinatesOf(index));
      findings.push({ table: name, cell, derived, truth: value, how });
    }
  };
  if (!strict) {
    report(solve(layout.lines, known), "published cells only");
    report(solve(layout.lines, zeros), "published cells and structural zeros");
    report(solve(lines, known), "published cells, the two age classifications");
    if (fresh.size > known.size) report(solve(layout.lines, fresh), "published cells, the month just begun empty");
  }
  return findings;
}

describe("disclosure audit of the source tables (attacker's view)", () => {
  it("leaves no suppressed cell, and no small implied cell, derivable in any seeded indicator-year", async () => {
    const findings: Finding[] = [];
    let tables = 0;
    for (const source of SOURCES) {
      const db = new Client({ connectionString: hub.databaseUrls[source.db] });
      await db.connect();
      try {
        for (const indicator of source.indicators) {
          for (let year = 2019; year <= new Date().getUTCFullYear(); year++) {
            const found = await auditTable(source.field, indicator, year, db);
            if (found === null) continue;
            tables++;
            findings.push(...found);
          }
        }
      } finally {
        await db.end();
      }
    }
    const byHow = new Map<string, Finding[]>();
    for (const f of findings) byHow.set(f.how, [...(byHow.get(f.how) ?? []), f]);
    const summary = [...byHow].map(([how, list]) => `${how}: ${list.length}`).join("; ");
    process.stdout.write(
      `audited ${tables} tables; ${findings.length} findings (${summary})\n` +
        findings
          .slice(0, 40)
          .map((f) => `  ${f.table} ${f.cell}: derived ${f.derived}, raw ${f.truth} (${f.how})`)
          .join("\n") +
        "\n",
    );
    expect(tables).toBeGreaterThan(40);
    expect(findings).toEqual([]);
  }, 600_000);
});
