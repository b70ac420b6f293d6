/**
 * The code lists of the statistical tables (profile contract), as disclosure-control dimensions.
 * `_T` is every dimension's total; `_U` (SDMX "unknown") is added to a dimension only when some
 * counted record lacks its value, and a region's unknown district (`AM-ER-_U`) only when some
 * record of the region lacks its district, so tables of complete records never carry them.
 */
import { COUNTRIES, REGIONS, unknownDistrictOf } from "@hub/contracts";
import { type Dimension, ageDimension, flatDimension, hierarchicalDimension } from "../disclosure";
import type { Geography, StatisticalIndicator } from "./StatisticalIndicator";

export const TOTAL = "_T";
export const UNKNOWN = "_U";

/** Dimension ids, in the order of a served cell's fields. */
export type DimensionId = "SEX" | "AGE" | "CITIZENSHIP" | "REGION" | "MONTH" | "BREAKDOWN";

/** The months of a year, as the MONTH dimension codes them. */
export const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));
const CITIZENSHIPS = COUNTRIES.map((c) => c.code).sort();
const TOP_REGIONS = REGIONS.filter((r) => r.parent === null);

function regionDimension(geography: Geography, only: readonly string[] | undefined): Dimension {
  const regions = TOP_REGIONS.filter((r) => only === undefined || only.includes(r.code));
  if (geography === "REGION")
    return flatDimension(
      "REGION",
      TOTAL,
      regions.map((r) => r.code),
    );
  return hierarchicalDimension(
    "REGION",
    TOTAL,
    regions.map((region) => ({
      code: region.code,
      parts: REGIONS.filter((d) => d.parent === region.code).map((d) => d.code),
    })),
  );
}

/**
 * The dimensions of an indicator's table, in cell-field order, without `_U`. Every month is
 * listed: a table is served only for a year that has ended (StatisticalTables).
 */
export function dimensionsOf(indicator: StatisticalIndicator): Dimension[] {
  return [
    flatDimension("SEX", TOTAL, ["F", "M"]),
    ageDimension("AGE", TOTAL),
    flatDimension("CITIZENSHIP", TOTAL, CITIZENSHIPS),
    ...(indicator.geography === null ? [] : [regionDimension(indicator.geography, indicator.regions)]),
    flatDimension("MONTH", TOTAL, MONTHS),
    ...(indicator.breakdown === null ? [] : [flatDimension("BREAKDOWN", TOTAL, indicator.breakdown)]),
  ];
}

/** The cubes of the contract: by sex, and sex crossed with each other dimension the table has. */
export function cubesOf(dimensions: readonly Dimension[]): DimensionId[][] {
  const order: readonly DimensionId[] = ["AGE", "CITIZENSHIP", "MONTH", "REGION", "BREAKDOWN"];
  const present = new Set(dimensions.map((d) => d.id));
  return order.filter((id) => present.has(id)).map((id) => ["SEX", id]);
}

/**
 * The dimension with `_U` as one more part of every classification of its total. An unknown age
 * takes the strict threshold of minors' cells, as an unknown age counts as a minor elsewhere.
 */
export function withUnknown(dimension: Dimension): Dimension {
  if (dimension.codes.includes(UNKNOWN)) return dimension;
  const strict = dimension.strictCodes ?? [];
  return {
    ...dimension,
    codes: [...dimension.codes, UNKNOWN],
    strictCodes: strict.length > 0 ? [...strict, UNKNOWN] : strict,
    lines: dimension.lines.map((line) =>
      line.total === dimension.total ? { total: line.total, parts: [...line.parts, UNKNOWN] } : line,
    ),
  };
}

/** The districts of each region that has some, by the dimension's lines below its total. */
export function districtsByRegion(dimension: Dimension): Map<string, ReadonlySet<string>> {
  return new Map(
    dimension.lines.filter((line) => line.total !== dimension.total).map((line) => [line.total, new Set(line.parts)]),
  );
}

/**
 * The region dimension with the unknown district of each of `regions` as one more part of that
 * region's line: its records without a (listed) district still add up to the region.
 */
export function withUnknownDistricts(dimension: Dimension, regions: ReadonlySet<string>): Dimension {
  const extended = dimension.lines.filter((line) => line.total !== dimension.total && regions.has(line.total));
  if (extended.length === 0) return dimension;
  const unknown = extended.map((line) => unknownDistrictOf(line.total));
  return {
    ...dimension,
    codes: [...dimension.codes, ...unknown.filter((code) => !dimension.codes.includes(code))],
    lines: dimension.lines.map((line) =>
      extended.includes(line) && !line.parts.includes(unknownDistrictOf(line.total))
        ? { total: line.total, parts: [...line.parts, unknownDistrictOf(line.total)] }
        : line,
    ),
  };
}
