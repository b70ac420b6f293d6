/**
 * Turns the rows of the GROUPING SETS statement into counts by cell: a column the row's grouping
 * set leaves out is the dimension's total, a NULL the set groups by is an unknown value.
 */
import type { CellCount, Dimension } from "../disclosure";
import type { GroupedColumn } from "./aggregationSql";
import { TOTAL, UNKNOWN, type DimensionId } from "./codeLists";

/** A row of the statement: the grouped columns, the count and the GROUPING() bits. */
export type GroupedRow = Partial<Record<GroupedColumn, string | null>> & { count: number; grouped: number };

export interface CountedCells {
  counts: CellCount[];
  /** Dimensions some record had no known value on: their code lists take `_U`. */
  unknown: Set<string>;
}

/** The coordinates of one row, or null for a row that is no cell (a district set's non-Yerevan rows). */
function coordinatesOf(row: GroupedRow, columns: readonly GroupedColumn[]): Record<DimensionId, string> | null {
  const grouped = (column: GroupedColumn): boolean => {
    const i = columns.indexOf(column);
    return i >= 0 && ((row.grouped >> (columns.length - 1 - i)) & 1) === 0;
  };
  const code = (column: GroupedColumn): string => (grouped(column) ? (row[column] ?? UNKNOWN) : TOTAL);
  if (grouped("district") && row.district == null) return null;
  return {
    SEX: code("sex"),
    AGE: grouped("age5") ? code("age5") : code("age_broad"),
    CITIZENSHIP: code("citizenship"),
    REGION: grouped("district") ? code("district") : code("region"),
    MONTH: code("month"),
    BREAKDOWN: code("breakdown"),
  };
}

/**
 * Counts by full coordinates over the table's dimensions. A code outside a dimension's list counts
 * as `_U`. Rows of one grouping set that land on one cell add up (two unlisted citizenships);
 * rows of different sets that land on one cell count the same records (an unknown age under both
 * age classifications), so the first is kept.
 */
export function countCells(
  rows: readonly GroupedRow[],
  columns: readonly GroupedColumn[],
  dimensions: readonly Dimension[],
): CountedCells {
  const listed = new Map(dimensions.map((d) => [d.id, new Set(d.codes)]));
  const unknown = new Set<string>();
  const cells = new Map<string, { set: number; coordinates: Record<string, string>; count: number }>();
  for (const row of rows) {
    const all = coordinatesOf(row, columns);
    if (all === null) continue;
    const coordinates: Record<string, string> = {};
    for (const d of dimensions) {
      const value = all[d.id as DimensionId];
      const known = listed.get(d.id)?.has(value) ?? false;
      coordinates[d.id] = known ? value : UNKNOWN;
      if (!known) unknown.add(d.id);
    }
    const key = JSON.stringify(coordinates);
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { set: row.grouped, coordinates, count: row.count });
    else if (cell.set === row.grouped) cell.count += row.count;
  }
  return { counts: [...cells.values()].map(({ coordinates, count }) => ({ coordinates, count })), unknown };
}
