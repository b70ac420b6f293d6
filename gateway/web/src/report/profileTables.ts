/**
 * Turns an indicator's cells into the report's tables: for one dimension (age, citizenship, region,
 * month, breakdown), one row per code with female, male and total side by side, and the total row.
 */
import type { Observation, Region } from "./queries";

/** The SDMX code of every dimension's total (margin). */
export const TOTAL = "_T";
/** The SDMX code of a value the source does not know (a citizenship not recorded, say). */
export const UNKNOWN = "_U";

/** The code a source gives the records of a region that lack their district (`AM-ER-_U`). */
export const unknownDistrictOf = (region: string): string => `${region}-${UNKNOWN}`;

export const DIMENSIONS = ["age", "citizenship", "region", "month", "breakdown"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The age groups the bands add up to: minors and adults. */
const BROAD_AGE_GROUPS = ["Y_LT18", "Y_GE18"];

export interface SexRow {
  code: string;
  female: Observation | null;
  male: Observation | null;
  total: Observation | null;
  /** 1 for a district listed under its region, else 0. */
  depth: 0 | 1;
}

export interface RowGroup {
  /** Named when a table shows more than one level (age: the bands, then minors and adults). */
  label: string | null;
  rows: SexRow[];
}

export interface SexTable {
  dimension: Dimension;
  groups: RowGroup[];
  /** Citizenships whose every figure is suppressed, shown together in one row (codes, in served order). */
  folded: string[];
  /** The dimension's total, by sex. */
  total: SexRow;
}

/** The dimension a template's disaggregation names ("AGE", "age"); null for SEX (every table's columns) and unknown names. */
export function dimensionOf(name: string): Dimension | null {
  const key = name.trim().toLowerCase();
  return (DIMENSIONS as readonly string[]).includes(key) ? (key as Dimension) : null;
}

/** The cells of the [SEX, dimension] cube: every other dimension at its total. */
function inCube(cell: Observation, dimension: Dimension): boolean {
  return DIMENSIONS.every((d) => d === dimension || cell[d] === TOTAL);
}

function emptyRow(code: string): SexRow {
  return { code, female: null, male: null, total: null, depth: 0 };
}

function place(row: SexRow, cell: Observation): void {
  if (cell.sex === "F") row.female = cell;
  else if (cell.sex === "M") row.male = cell;
  else if (cell.sex === TOTAL) row.total = cell;
}

/** Regions first, each followed by its districts, in the code list's order; codes it does not list keep their place at the end. */
function regionGroups(rows: SexRow[], regions: Region[]): RowGroup[] {
  const served = new Map(rows.map((r) => [r.code, r]));
  const ordered: SexRow[] = [];
  for (const region of regions.filter((r) => !r.parent)) {
    const own = served.get(region.code);
    if (own) ordered.push(own);
    // The region's districts, then its records without a district (the source's unknown district).
    const districts = [
      ...regions.filter((r) => r.parent === region.code).map((r) => r.code),
      unknownDistrictOf(region.code),
    ];
    for (const district of districts) {
      const row = served.get(district);
      // A district is indented only under its region's row; alone it stands at the top level.
      if (row) ordered.push({ ...row, depth: own ? 1 : 0 });
    }
  }
  const listed = new Set(ordered.map((r) => r.code));
  return [{ label: null, rows: [...ordered, ...rows.filter((r) => !listed.has(r.code))] }];
}

const published = (o: Observation | null) => (o && o.flag !== "SUPPRESSED" && o.value !== null ? o.value : null);

/** True when a row has no figure to show: everything suppressed (or not served). */
function allSuppressed(row: SexRow): boolean {
  const cells = [row.female, row.male, row.total];
  return cells.every((o) => published(o) === null) && cells.some((o) => o?.flag === "SUPPRESSED");
}

/**
 * Citizenship is an open list, mostly small: the largest published totals first (a suppressed
 * total keeps its served place after them, so the order says nothing of it), and the rows with
 * nothing but suppressed figures folded into one.
 */
function citizenshipRows(rows: SexRow[]): { rows: SexRow[]; folded: string[] } {
  const shown = rows.filter((r) => !allSuppressed(r));
  const byTotal = [...shown].sort((a, b) => (published(b.total) ?? -1) - (published(a.total) ?? -1));
  return { rows: byTotal, folded: rows.filter(allSuppressed).map((r) => r.code) };
}

function groupsOf(dimension: Dimension, rows: SexRow[], regions: Region[]): RowGroup[] {
  if (dimension === "region") return regionGroups(rows, regions);
  if (dimension === "age") {
    const bands = rows.filter((r) => !BROAD_AGE_GROUPS.includes(r.code));
    const broad = rows.filter((r) => BROAD_AGE_GROUPS.includes(r.code));
    if (bands.length > 0 && broad.length > 0)
      return [
        { label: "Age bands", rows: bands },
        { label: "Minors and adults", rows: broad },
      ];
  }
  return [{ label: null, rows }];
}

/** The [SEX, dimension] table of an indicator's cells, rows in the order the source served them (its canonical order). */
export function sexTable(cells: Observation[], dimension: Dimension, regions: Region[] = []): SexTable {
  const rows = new Map<string, SexRow>();
  for (const cell of cells) {
    if (!inCube(cell, dimension)) continue;
    const code = cell[dimension];
    let row = rows.get(code);
    if (!row) rows.set(code, (row = emptyRow(code)));
    place(row, cell);
  }
  const total = rows.get(TOTAL) ?? emptyRow(TOTAL);
  rows.delete(TOTAL);
  if (dimension === "citizenship") {
    const { rows: shown, folded } = citizenshipRows([...rows.values()]);
    return { dimension, groups: [{ label: null, rows: shown }], folded, total };
  }
  return { dimension, groups: groupsOf(dimension, [...rows.values()], regions), folded: [], total };
}

/** At most this many citizenships are charted: the largest. */
export const CHARTED_CITIZENSHIPS = 12;

/**
 * The rows a chart draws: one level (the age bands, not minors and adults), regions
 * without their districts, the largest citizenships.
 */
export function chartRows(table: SexTable): SexRow[] {
  const rows = (table.groups[0]?.rows ?? []).filter((r) => r.depth === 0);
  return table.dimension === "citizenship" ? rows.slice(0, CHARTED_CITIZENSHIPS) : rows;
}

/** True when a chart of these rows would have no bar at all. */
export function nothingToChart(rows: SexRow[]): boolean {
  return rows.every((r) => [r.female, r.male, r.total].every((o) => !published(o)));
}

/** Which disaggregation a chart shows first: the year's course if there is one, then the age structure. */
const CHART_PREFERENCE: Dimension[] = ["month", "age", "breakdown", "region", "citizenship"];

export function chartDimension(dimensions: Dimension[]): Dimension | null {
  return CHART_PREFERENCE.find((d) => dimensions.includes(d)) ?? null;
}

/** The dimensions of a template's disaggregations that the report tabulates, once each, in the template's order. */
export function tableDimensions(disaggregations: string[]): Dimension[] {
  const found = disaggregations.map(dimensionOf).filter((d): d is Dimension => d !== null);
  return [...new Set(found)];
}
