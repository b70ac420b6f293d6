/**
 * Source tables in the shape the profile contract gives them (`<Agency>StatisticalTable`), for
 * tests of what the Statistics Office does with one: every cube the definition offers, cells in
 * canonical order, values and flags as the regime publishes them (every seventh cell suppressed).
 */
import { AGE_CODES, MONTH_CODES, SEX_CODES, TOTAL, type StatisticalDimension } from "@hub/contracts";
import type { IndicatorDefinition } from "../IndicatorDefinition.entity";
import type { SourceCell, SourceTable } from "../pull/sourceTable";

/** A few codes of the open lists, enough for cubes of several cells. */
export const TEST_COUNTRIES = ["RU", "SY", "IN"];
export const TEST_REGIONS = ["AM-ER", "AM-ER-KE", "AM-SH", "AM-VD"];

const codesOf = (dimension: StatisticalDimension, definition: IndicatorDefinition): readonly string[] => {
  switch (dimension) {
    case "SEX":
      return SEX_CODES;
    case "AGE":
      return AGE_CODES;
    case "CITIZENSHIP":
      return [TOTAL, ...TEST_COUNTRIES];
    case "REGION":
      return [TOTAL, ...TEST_REGIONS];
    case "MONTH":
      return MONTH_CODES;
    case "BREAKDOWN":
      return [TOTAL, ...definition.breakdownCodes];
  }
};

const FIELD = {
  AGE: "age",
  CITIZENSHIP: "citizenship",
  REGION: "region",
  MONTH: "month",
  BREAKDOWN: "breakdown",
} as const;

export function contractTable(definition: IndicatorDefinition, year: number): SourceTable {
  const others = definition.disaggregations.filter((d) => d !== "SEX") as Exclude<StatisticalDimension, "SEX">[];
  const cells: SourceCell[] = [];
  const seen = new Set<string>();
  const add = (codes: Omit<SourceCell, "value" | "flag">) => {
    const key = JSON.stringify(codes);
    if (seen.has(key)) return;
    seen.add(key);
    const n = cells.length;
    const suppressed = n % 7 === 3;
    const value = definition.regime === "STRICT" ? 10 + 5 * (n % 9) : 5 + (n % 40);
    cells.push({
      ...codes,
      value: suppressed ? null : value,
      flag: suppressed ? "SUPPRESSED" : definition.regime === "STRICT" ? "ROUNDED" : "NONE",
    });
  };
  const base = { age: TOTAL, citizenship: TOTAL, region: TOTAL, month: TOTAL, breakdown: TOTAL };
  for (const dimension of others) {
    for (const sex of SEX_CODES) {
      for (const code of codesOf(dimension, definition)) add({ ...base, sex, [FIELD[dimension]]: code });
    }
  }
  if (others.length === 0) for (const sex of SEX_CODES) add({ ...base, sex });
  return {
    indicator: definition.sourceIndicator,
    year,
    unit: definition.unit,
    regime: definition.regime,
    cubes: others.map((d) => ["SEX", d]),
    cells,
  };
}
