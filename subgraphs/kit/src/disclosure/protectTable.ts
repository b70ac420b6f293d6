/**
 * Statistical disclosure control (POLICY-RULES.md, R5-6) for every agency's aggregates: turns the
 * raw counts of one indicator and period into the cells that may leave the agency. All cubes of
 * the definition are protected in one run, over cells identified by their full coordinates, so a
 * margin hidden in one cube is hidden in every cube, and no cube reveals what another hid.
 * Pure: the same definition, counts and regime give the same cells, byte for byte.
 *
 * 1. Primary suppression: a count below the regime's threshold is withheld (5; 10 for cells with
 *    a strict code; 10 for every cell under STRICT). Zero too: publishing it would tell that a
 *    small group is empty.
 * 2. Secondary suppression (suppressCells): no line left with a single hidden cell, and no
 *    hidden cell computable exactly through any combination of lines. Every result passes the
 *    full elimination of derivableCells before it is served.
 * 3. Under STRICT, every served value is rounded to the nearest 5 (flag ROUNDED). Sums then hold
 *    only roughly; steps 1-2 still treat them as exact, the safe side.
 *
 * Speed: the loop this replaces redid the whole elimination after every single complement.
 * Now one elimination settles most tables (the line rule mostly leaves nothing computable);
 * where it finds a computable cell, the rounds of complements that follow are checked
 * incrementally (DerivableCellTracker) and the elimination runs once more, to confirm. Measured
 * with `node subgraphs/kit/dist/disclosure/measureProtection.js 20 1000` on the project's
 * 2-core machine shared with other jobs: the benchmark table (benchmarkTable.ts: 741 cells in
 * 6 linked cubes, 535 lines, about 400 cells suppressed out of 1,000 records) protects in
 * 3-4 ms, median of 20 tables over three runs, slowest table 7-18 ms. Compared once with the
 * replaced loop on the random sex x age x citizenship table needing the most complements of
 * 150 tried (432 cells, 6 rounds): 1.7 ms against 3.2 ms (medians of 41 runs), same cells.
 *
 * Not covered: bounds an attacker can infer from non-negativity (a hidden pair summing to 6 is
 * in [2, 4] each when both are below 5); that needs an LP audit (tau-ARGUS), not worth it here.
 */
import { regimeRules, roundToBase, type DisclosureRegime } from "./DisclosureRegime";
import { layOutTable } from "./layOutTable";
import { suppressCells } from "./suppressCells";
import type { CellCount, Coordinates, TableDefinition } from "./TableDefinition";

export type DisclosureFlag = "NONE" | "ROUNDED" | "SUPPRESSED";

export interface ProtectedCell {
  readonly coordinates: Coordinates;
  /** Null when the cell is suppressed. */
  readonly value: number | null;
  readonly flag: DisclosureFlag;
}

export interface ProtectedTable {
  /** Published beside the cells: which thresholds and rounding they went through. */
  readonly regime: DisclosureRegime;
  /** Every cell of every cube once, in canonical order. */
  readonly cells: readonly ProtectedCell[];
}

/**
 * Protects the cubes of one definition together. Counts are by full coordinates; cells without
 * a count are zero (a table is complete, zeros included); counts of cells no cube publishes are
 * ignored. A count that is not a non-negative integer, a cell counted twice or an unknown code
 * throws: nothing is served from a table that does not mean what its definition says.
 */
export function protectTable(
  definition: TableDefinition,
  counts: Iterable<CellCount>,
  regime: DisclosureRegime,
): ProtectedTable {
  const layout = layOutTable(definition);
  const raw = new Array<number>(layout.cells.length).fill(0);
  const counted = new Array<boolean>(layout.cells.length).fill(false);
  for (const { coordinates, count } of counts) {
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count ${count} is not a non-negative integer`);
    const cell = layout.indexOf(coordinates);
    if (cell === undefined) continue;
    if (counted[cell]) throw new Error(`cell ${JSON.stringify(coordinates)} is counted twice`);
    counted[cell] = true;
    raw[cell] = count;
  }
  const rules = regimeRules(regime);
  const primary = raw.map((n, cell) => n < (layout.strict[cell] ? rules.strictThreshold : rules.threshold));
  const hidden = suppressCells(layout.lines, raw, primary);
  return {
    regime,
    cells: layout.cells.map((coordinates, cell): ProtectedCell => {
      if (hidden[cell]) return { coordinates, value: null, flag: "SUPPRESSED" };
      const n = raw[cell] as number;
      if (rules.roundingBase === null) return { coordinates, value: n, flag: "NONE" };
      return { coordinates, value: roundToBase(n, rules.roundingBase), flag: "ROUNDED" };
    }),
  };
}
