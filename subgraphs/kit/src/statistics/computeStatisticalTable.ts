/**
 * The "table of counts -> protected cells" step every agency shares: count an indicator's cells
 * for a year in one statement, protect all its cubes together, and lay the cells out as served.
 */
import type { DataSource } from "typeorm";
import { type Dimension, type ProtectedCell, protectTable } from "../disclosure";
import { aggregationSql } from "./aggregationSql";
import { type DimensionId, TOTAL, cubesOf, dimensionsOf, withUnknown, withUnknownDistricts } from "./codeLists";
import { countCells, type CountedCells, type GroupedRow } from "./countCells";
import type { StatisticalIndicator } from "./StatisticalIndicator";
import type { StatisticalCell, StatisticalTable } from "./StatisticalTable";

/** Raw counts of the indicator's cells in `year`: what never leaves the agency. */
export async function countIndicator(
  db: DataSource,
  indicator: StatisticalIndicator,
  year: number,
): Promise<CountedCells & { dimensions: Dimension[] }> {
  const { sql, columns } = aggregationSql(indicator);
  const rows: GroupedRow[] = await db.query(sql, [`${year}-01-01`, `${year + 1}-01-01`]);
  const listed = dimensionsOf(indicator);
  const counted = countCells(rows, columns, listed);
  const dimensions = listed.map((d) => {
    const known = counted.unknown.has(d.id) ? withUnknown(d) : d;
    return d.id === "REGION" ? withUnknownDistricts(known, counted.unknownDistricts) : known;
  });
  return { ...counted, dimensions };
}

export async function computeStatisticalTable(
  db: DataSource,
  indicator: StatisticalIndicator,
  year: number,
): Promise<StatisticalTable> {
  const { counts, dimensions } = await countIndicator(db, indicator, year);
  const cubes = cubesOf(dimensions);
  const protectedTable = protectTable({ dimensions, cubes }, counts, indicator.regime);
  return {
    indicator: indicator.code,
    year,
    unit: indicator.unit,
    regime: protectedTable.regime,
    cubes,
    cells: protectedTable.cells.map(servedCell),
  };
}

/** A protected cell with every contract dimension, `_T` on those the table does not have. */
function servedCell(cell: ProtectedCell): StatisticalCell {
  const code = (id: DimensionId): string => cell.coordinates[id] ?? TOTAL;
  return {
    sex: code("SEX"),
    age: code("AGE"),
    citizenship: code("CITIZENSHIP"),
    region: code("REGION"),
    month: code("MONTH"),
    breakdown: code("BREAKDOWN"),
    value: cell.value,
    flag: cell.flag,
  };
}
