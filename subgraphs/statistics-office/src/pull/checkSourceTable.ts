/**
 * What a source table must be before the Statistics Office stores it: the table asked for, under
 * the indicator's regime, with the cubes the definition offers, every code in the code lists, and
 * flags that keep the disclosure-control promises (POLICY-RULES.md), each cell and the table as a
 * whole (checkSourceProtection). Anything else refuses the table: the office publishes only what
 * was protected as declared.
 */
import {
  AGE_CODES,
  MONTH_CODES,
  SEX_CODES,
  STATISTICAL_DIMENSIONS,
  TOTAL,
  UNKNOWN,
  unknownDistrictOf,
  type StatisticalDimension,
} from "@hub/contracts";
import { regimeRules } from "@hub/kit";
import { codeOf } from "../cellDimensions";
import type { IndicatorDefinition } from "../IndicatorDefinition.entity";
import { protectionProblem } from "./checkSourceProtection";
import { ProfilePullError } from "./ProfilePullError";
import type { SourceCell, SourceTable } from "./sourceTable";

/** The codes a cell may carry beyond the contract's fixed lists: the office's own code lists. */
export interface KnownCodes {
  countries: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

export function checkSourceTable(
  table: SourceTable,
  definition: IndicatorDefinition,
  year: number,
  known: KnownCodes,
): void {
  const what = `${definition.sourceIndicator} ${year}`;
  const invalid = (problem: string) => new ProfilePullError("INVALID_TABLE", `the table ${what} ${problem}`);
  if (table.indicator !== definition.sourceIndicator || table.year !== year) {
    throw invalid(`came back as ${table.indicator} ${table.year}`);
  }
  if (table.regime !== definition.regime) {
    throw new ProfilePullError(
      "REGIME_MISMATCH",
      `the table ${what} was protected under the ${table.regime} regime; ${definition.code} is defined as ${definition.regime}, so it is not stored`,
    );
  }
  if (table.unit !== definition.unit)
    throw invalid(`counts ${table.unit}; ${definition.code} counts ${definition.unit}`);
  for (const dimension of definition.disaggregations) {
    if (dimension !== "SEX" && !table.cubes.some((cube) => cube.includes("SEX") && cube.includes(dimension))) {
      throw invalid(`has no [SEX, ${dimension}] cube, which ${definition.code} is defined with`);
    }
  }
  const allowed = allowedCodes(definition, known);
  const seen = new Set<string>();
  for (const cell of table.cells) {
    const key = STATISTICAL_DIMENSIONS.map((d) => codeOf(cell, d)).join("|");
    if (seen.has(key)) throw invalid(`has the cell ${key} twice`);
    seen.add(key);
    for (const dimension of STATISTICAL_DIMENSIONS) {
      const code = codeOf(cell, dimension);
      if (!allowed[dimension](code))
        throw invalid(`has a cell with ${dimension} ${code}, which is not in its code list`);
    }
    const problem = disclosureProblem(cell, definition.regime);
    if (problem) throw invalid(`has a cell ${key} ${problem}`);
  }
  if (!seen.has(STATISTICAL_DIMENSIONS.map(() => TOTAL).join("|"))) throw invalid("has no total cell");
  const whole = protectionProblem(table, definition.regime);
  if (whole) throw invalid(whole);
}

function allowedCodes(
  definition: IndicatorDefinition,
  known: KnownCodes,
): Record<StatisticalDimension, (code: string) => boolean> {
  // A record without the value counts as unknown (_U); an event always has a month.
  const among = (codes: readonly string[]) => (code: string) => code === UNKNOWN || codes.includes(code);
  const totalOr = (codes: ReadonlySet<string>) => (code: string) =>
    code === TOTAL || code === UNKNOWN || codes.has(code);
  return {
    SEX: among(SEX_CODES),
    AGE: among(AGE_CODES),
    CITIZENSHIP: totalOr(known.countries),
    // A region's unknown district holds its records without a (listed) district.
    REGION: (code) => totalOr(known.regions)(code) || [...known.regions].some((r) => unknownDistrictOf(r) === code),
    MONTH: (code) => (MONTH_CODES as readonly string[]).includes(code),
    BREAKDOWN: totalOr(new Set(definition.breakdownCodes)),
  };
}

/** Null when the cell's value and flag are what its regime publishes; otherwise what is wrong. */
function disclosureProblem(cell: SourceCell, regime: IndicatorDefinition["regime"]): string | null {
  if ((cell.flag === "SUPPRESSED") !== (cell.value === null)) {
    return cell.value === null ? "without a value that is not flagged SUPPRESSED" : "flagged SUPPRESSED with a value";
  }
  if (cell.value === null) return null;
  const { threshold } = regimeRules(regime);
  if (cell.value < threshold) return `with the value ${cell.value}, below the ${regime} threshold of ${threshold}`;
  if (regime === "STRICT" && (cell.flag !== "ROUNDED" || cell.value % 5 !== 0)) {
    return "that the STRICT regime should have rounded to a multiple of 5";
  }
  if (regime === "STANDARD" && cell.flag === "ROUNDED") return "flagged ROUNDED under the STANDARD regime";
  return null;
}
