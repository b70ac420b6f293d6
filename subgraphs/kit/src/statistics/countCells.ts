/**
 * Turns the rows of the GROUPING SETS statement into counts by cell: a column the row's grouping
 * set leaves out is the dimension's total, a NULL the set groups by is an unknown value.
 */
import { unknownDistrictOf } from "@hub/contracts";
import type { CellCount, Dimension } from "../disclosure";
import type { GroupedColumn } from "./aggregationSql";
import { TOTAL, UNKNOWN, districtsByRegion, type DimensionId } from "./codeLists";

/** A row of the statement: the grouped columns, the count and the GROUPING() bits. */
export type GroupedRow = Partial<Record<GroupedColumn, string | null>> & { count: number; grouped: number };

export interface CountedCells {
  counts: CellCount[];
  /** Dimensions some record had no known value on: their code lists take `_U`. */
  unknown: Set<string>;
  /** Regions with districts some record of which had no listed district: they take an unknown district. */
  unknownDistricts: Set<string>;
}

/**
 * The coordinates of one row, or null for a row that is no cell: a district set's rows of a region
 * without districts (or of no known region), which its region's cell counts already. A record of a
 * region with districts but without a listed district counts in the region's unknown district, so
 * that the region's line adds up.
 */
function coordinatesOf(
  row: GroupedRow,
  columns: readonly GroupedColumn[],
  districts: ReadonlyMap<string, ReadonlySet<string>>,
): Record<DimensionId, string> | null {
  const grouped = (column: GroupedColumn): boolean => {
    const i = columns.indexOf(column);
    return i >= 0 && ((row.grouped >> (columns.length - 1 - i)) & 1) === 0;
  };
  const code = (column: GroupedColumn): string => (grouped(column) ? (row[column] ?? UNKNOWN) : TOTAL);
  let district: string | undefined;
  if (grouped("district")) {
    const listed = row.region == null ? undefined : districts.get(row.region);
    if (row.region == null || listed === undefined) return null;
    district = row.district != null && listed.has(row.district) ? row.district : unknownDistrictOf(row.region);
  }
  return {
    SEX: code("sex"),
    AGE: grouped("age_band") ? code("age_band") : code("age_broad"),
    CITIZENSHIP: code("citizenship"),
    REGION: district ?? code("region"),
    MONTH: code("month"),
    BREAKDOWN: code("breakdown"),
  };
}

/**
 * Counts by full coordinates over the table's dimensions. A code outside a dimension's list counts
 * as `_U` (a district outside its region's list, as the region's unknown district). Rows of one grouping set that land on one cell add up (two unlisted citizenships);
 * rows of different sets that land on one cell count the same records (an unknown age under both
 * age classifications), so the first is kept.
 */
export function countCells(
  rows: readonly GroupedRow[],
  columns: readonly GroupedColumn[],
  dimensions: readonly Dimension[],
): CountedCells {
  const listed = new Map(dimensions.map((d) => [d.id, new Set(d.codes)]));
  const region = dimensions.find((d) => d.id === "REGION");
  const districts = region === undefined ? new Map<string, ReadonlySet<string>>() : districtsByRegion(region);
  const unknownDistrict = new Map([...districts.keys()].map((r) => [unknownDistrictOf(r), r]));
  const unknown = new Set<string>();
  const unknownDistricts = new Set<string>();
  const cells = new Map<string, { set: number; coordinates: Record<string, string>; count: number }>();
  for (const row of rows) {
    const all = coordinatesOf(row, columns, districts);
    if (all === null) continue;
    const coordinates: Record<string, string> = {};
    for (const d of dimensions) {
      const value = all[d.id as DimensionId];
      const ofRegion = d.id === "REGION" ? unknownDistrict.get(value) : undefined;
      if (ofRegion !== undefined) {
        coordinates[d.id] = value;
        unknownDistricts.add(ofRegion);
        continue;
      }
      const known = listed.get(d.id)?.has(value) ?? false;
      coordinates[d.id] = known ? value : UNKNOWN;
      if (!known) unknown.add(d.id);
    }
    const key = JSON.stringify(coordinates);
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { set: row.grouped, coordinates, count: row.count });
    else if (cell.set === row.grouped) cell.count += row.count;
  }
  return {
    counts: [...cells.values()].map(({ coordinates, count }) => ({ coordinates, count })),
    unknown,
    unknownDistricts,
  };
}
