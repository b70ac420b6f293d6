/**
 * The code lists of the statistical tables (profile contract), as disclosure-control dimensions.
 * `_T` is every dimension's total; `_U` (SDMX "unknown") is added to a dimension only when some
 * counted record lacks its value, so tables of complete records never carry it.
 */
import { COUNTRIES, REGIONS } from "@hub/contracts";
import { type Dimension, ageDimension, flatDimension, hierarchicalDimension } from "../disclosure";
import type { Geography, StatisticalIndicator } from "./StatisticalIndicator";

export const TOTAL = "_T";
export const UNKNOWN = "_U";

/** Dimension ids, in the order of a served cell's fields. */
export type DimensionId = "SEX" | "AGE" | "CITIZENSHIP" | "REGION" | "MONTH" | "BREAKDOWN";

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));
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
 * The dimensions of an indicator's table, in cell-field order, without `_U`. `months` is how many
 * months of the year have begun: the months still to come are left out, not served as zeros,
 * because a cell everyone knows to be empty hides nothing and, taken as the complement of a small
 * cell, would give that cell away.
 */
export function dimensionsOf(indicator: StatisticalIndicator, months = MONTHS.length): Dimension[] {
  return [
    flatDimension("SEX", TOTAL, ["F", "M"]),
    ageDimension("AGE", TOTAL),
    flatDimension("CITIZENSHIP", TOTAL, CITIZENSHIPS),
    ...(indicator.geography === null ? [] : [regionDimension(indicator.geography, indicator.regions)]),
    flatDimension("MONTH", TOTAL, MONTHS.slice(0, Math.max(1, Math.min(months, MONTHS.length)))),
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
