/**
 * Source tables in the shape the profile contract gives them (`<Agency>StatisticalTable`), for
 * tests of what the Statistics Office does with one: synthetic records counted into every cube
 * the definition offers and protected as a source protects them (the kit's protectTable under
 * the definition's regime), so that each table is one a source could serve, cells in canonical
 * order, with small cells suppressed among them.
 */
import { AGE_BANDS, MINOR_AGE_BANDS, TOTAL, UNKNOWN, type StatisticalDimension } from "@hub/contracts";
import {
  ageDimension,
  flatDimension,
  hierarchicalDimension,
  MONTHS,
  protectTable,
  withUnknown,
  type CellCount,
  type Dimension,
} from "@hub/kit";
import type { IndicatorDefinition } from "../IndicatorDefinition.entity";
import type { SourceCell, SourceTable } from "../pull/sourceTable";

/** A few codes of the open lists, enough for cubes of several cells. */
export const TEST_COUNTRIES = ["RU", "SY", "IN"];
export const TEST_REGIONS = ["AM-ER", "AM-ER-KE", "AM-SH", "AM-VD"];
/** Where records live: Yerevan's district, then the regions without districts. */
const PLACES = [["AM-ER-KE", "AM-ER"], ["AM-SH"], ["AM-VD"]];
const RECORDS = 400;

type Other = Exclude<StatisticalDimension, "SEX">;
const FIELD = {
  AGE: "age",
  CITIZENSHIP: "citizenship",
  REGION: "region",
  MONTH: "month",
  BREAKDOWN: "breakdown",
} as const satisfies Record<Other, keyof SourceCell>;

export interface ContractTableOptions {
  /** Some records without sex, age and citizenship: the table then carries `_U` in those dimensions. */
  unknown?: boolean;
}

function dimensionOf(dimension: StatisticalDimension, definition: IndicatorDefinition, unknown: boolean): Dimension {
  const withU = (d: Dimension) => (unknown ? withUnknown(d) : d);
  switch (dimension) {
    case "SEX":
      return withU(flatDimension("SEX", TOTAL, ["F", "M"]));
    case "AGE":
      return withU(ageDimension("AGE", TOTAL));
    case "CITIZENSHIP":
      return withU(flatDimension("CITIZENSHIP", TOTAL, TEST_COUNTRIES));
    case "REGION":
      return hierarchicalDimension("REGION", TOTAL, [
        { code: "AM-ER", parts: ["AM-ER-KE"] },
        { code: "AM-SH", parts: [] },
        { code: "AM-VD", parts: [] },
      ]);
    case "MONTH":
      return flatDimension("MONTH", TOTAL, MONTHS);
    case "BREAKDOWN":
      return flatDimension("BREAKDOWN", TOTAL, definition.breakdownCodes);
  }
}

/**
 * The codes record `i` counts under, per dimension (its finest code and those above it). Skewed
 * on purpose: later codes get fewer records, so some cells are small and suppressed.
 */
function recordCodes(i: number, definition: IndicatorDefinition, unknown: boolean): Record<string, string[]> {
  const skewed = <T>(items: readonly T[], salt: number): T => {
    const spread = ((i * 2654435761 + salt * 40503) >>> 0) / 2 ** 32;
    return items[Math.floor(items.length * spread ** 4)] as T;
  };
  const lacking = unknown && i % 50 === 7;
  const band = skewed(AGE_BANDS, 1);
  return {
    SEX: [lacking ? UNKNOWN : i % 2 === 0 ? "F" : "M"],
    AGE: lacking ? [UNKNOWN] : [band, (MINOR_AGE_BANDS as readonly string[]).includes(band) ? "Y_LT18" : "Y_GE18"],
    CITIZENSHIP: [lacking ? UNKNOWN : skewed(TEST_COUNTRIES, 2)],
    REGION: skewed(PLACES, 3),
    MONTH: [skewed(MONTHS, 4)],
    BREAKDOWN: [skewed(definition.breakdownCodes, 5)],
  };
}

export function contractTable(
  definition: IndicatorDefinition,
  year: number,
  options: ContractTableOptions = {},
): SourceTable {
  const unknown = options.unknown ?? false;
  const dimensions = definition.disaggregations.map((d) => dimensionOf(d, definition, unknown));
  const others = definition.disaggregations.filter((d): d is Other => d !== "SEX");
  const counts = new Map<string, CellCount>();
  const count = (coordinates: Record<string, string>) => {
    const key = JSON.stringify(coordinates);
    const cell = counts.get(key) ?? { coordinates, count: 0 };
    counts.set(key, { coordinates, count: cell.count + 1 });
  };
  const totals = Object.fromEntries(dimensions.map((d) => [d.id, TOTAL]));
  for (let i = 0; i < RECORDS; i++) {
    const codes = recordCodes(i, definition, unknown);
    for (const sex of [TOTAL, ...(codes.SEX ?? [])]) {
      count({ ...totals, SEX: sex });
      for (const d of others) for (const code of codes[d] ?? []) count({ ...totals, SEX: sex, [d]: code });
    }
  }
  const cubes = others.map((d) => ["SEX", d]);
  const table = protectTable({ dimensions, cubes }, counts.values(), definition.regime);
  return {
    indicator: definition.sourceIndicator,
    year,
    unit: definition.unit,
    regime: definition.regime,
    cubes,
    cells: table.cells.map(({ coordinates, value, flag }) => {
      const cell: SourceCell = { sex: coordinates.SEX ?? TOTAL, ...blank(), value, flag };
      for (const d of others) cell[FIELD[d]] = coordinates[d] ?? TOTAL;
      return cell;
    }),
  };
}

const blank = () => ({ age: TOTAL, citizenship: TOTAL, region: TOTAL, month: TOTAL, breakdown: TOTAL });
