/**
 * A served statistical table as any reader can lay it out: the dimensions its cubes name, over
 * the codes its cells carry, with the lines the contract's code lists give them (the age levels,
 * the regions and their districts, `_U` within its total). What a reader can compute from the
 * cells is what these lines let them compute, so a receiver checks a table's protection on them.
 */
import { REGIONS, unknownDistrictOf } from "@hub/contracts";
import {
  ageDimension,
  flatDimension,
  hierarchicalDimension,
  layOutTable,
  type Coordinates,
  type Dimension,
  type TableLayout,
} from "../disclosure";
import { type DimensionId, MONTHS, TOTAL, UNKNOWN, withUnknown } from "./codeLists";
import type { StatisticalCell } from "./StatisticalTable";

/** The codes of a served cell, as `StatisticalCell` or a received copy of it has them. */
export type ServedCellCodes = Pick<StatisticalCell, "sex" | "age" | "citizenship" | "region" | "month" | "breakdown">;

export interface ServedTable {
  readonly cubes: readonly (readonly string[])[];
  readonly cells: readonly ServedCellCodes[];
}

export interface ServedTableLayout {
  readonly layout: TableLayout;
  /** A cell's coordinates on the table's dimensions. */
  coordinatesOf(cell: ServedCellCodes): Coordinates;
}

const FIELDS: Record<DimensionId, keyof ServedCellCodes> = {
  SEX: "sex",
  AGE: "age",
  CITIZENSHIP: "citizenship",
  REGION: "region",
  MONTH: "month",
  BREAKDOWN: "breakdown",
};
const ORDER = Object.keys(FIELDS) as DimensionId[];

/**
 * Closed lists (sex, age, month) take the contract's codes, so a table lacking one is incomplete;
 * open lists (citizenship, region, breakdown) the codes served. Throws on a cube naming a
 * dimension the contract does not have.
 */
export function servedTableLayout(table: ServedTable): ServedTableLayout {
  const named = new Set(table.cubes.flat());
  for (const id of named) if (!(ORDER as string[]).includes(id)) throw new Error(`a cube names ${id}, no dimension`);
  const ids = ORDER.filter((id) => named.has(id));
  const dimensions = ids.map((id) => servedDimension(id, servedCodes(table.cells, FIELDS[id])));
  const layout = layOutTable({ dimensions, cubes: table.cubes });
  return {
    layout,
    coordinatesOf: (cell) => Object.fromEntries(ids.map((id) => [id, cell[FIELDS[id]]])),
  };
}

function servedCodes(cells: readonly ServedCellCodes[], field: keyof ServedCellCodes): string[] {
  return [...new Set(cells.map((c) => c[field]))].filter((code) => code !== TOTAL);
}

function servedDimension(id: DimensionId, codes: readonly string[]): Dimension {
  const unknown = codes.includes(UNKNOWN);
  const closed = (dimension: Dimension) => (unknown ? withUnknown(dimension) : dimension);
  switch (id) {
    case "SEX":
      return closed(flatDimension(id, TOTAL, ["F", "M"]));
    case "AGE":
      return closed(ageDimension(id, TOTAL));
    case "MONTH":
      return flatDimension(id, TOTAL, MONTHS);
    case "REGION":
      return regionDimension(codes);
    case "CITIZENSHIP":
    case "BREAKDOWN":
      return flatDimension(id, TOTAL, codes);
  }
}

/** Regions served, each over its districts served (its unknown district included); `_U` at the top. */
function regionDimension(codes: readonly string[]): Dimension {
  const served = new Set(codes);
  const groups = REGIONS.filter((r) => r.parent === null && served.has(r.code)).map((region) => ({
    code: region.code,
    parts: [
      ...REGIONS.filter((d) => d.parent === region.code && served.has(d.code)).map((d) => d.code),
      ...(served.has(unknownDistrictOf(region.code)) ? [unknownDistrictOf(region.code)] : []),
    ],
  }));
  return hierarchicalDimension("REGION", TOTAL, [
    ...groups,
    ...(served.has(UNKNOWN) ? [{ code: UNKNOWN, parts: [] }] : []),
  ]);
}
