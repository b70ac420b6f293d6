/**
 * Statistical disclosure control (POLICY-RULES.md, R5-6): turns the raw counts of one table
 * (one indicator, one year, every sex x age group x citizenship cell with its margins) into the
 * values that may be served. Pure: same table in, same cells out, whatever is asked for later.
 *
 * 1. Primary suppression: a count below 5 is withheld; below 10 for ASYLUM and TRAFFICKING
 *    indicators and for ages 0-17. Zero is a count below the threshold too: publishing it would
 *    tell that a small group is empty.
 * 2. Secondary suppression: every line of the table (cells that add up to a total, along sex,
 *    age group or citizenship) with exactly one hidden cell gets the next smallest cell hidden
 *    as well, until no such line is left. Lines cross, so that rule alone can still leave a
 *    hidden cell computable through several lines; an exact linear check (derivableCells)
 *    finds those and hides more until none is.
 * 3. ASYLUM and TRAFFICKING values that are served are rounded to the nearest 5 (flag ROUNDED).
 *    Their sums then hold only roughly; steps 1-2 still treat them as exact, the safe side.
 *
 * Not covered: bounds an attacker can infer from non-negativity (a hidden pair summing to 6 is
 * in [2, 4] each when both are below 5); that needs an LP audit (tau-ARGUS), not worth it here.
 */
import type { DataCategory } from "@hub/contracts";
import { derivableCells, type Line } from "./derivableCells";
import { AGE_GROUPS, AgeGroup, ObservationFlag, SEXES, Sex } from "./enums";

/** What disclosure control needs of a stored cell. */
export interface RawCell {
  sex: Sex;
  ageGroup: AgeGroup;
  /** Null: all citizenships. */
  citizenshipCode: string | null;
  rawCount: number;
}

export interface Protected {
  value: number | null;
  flag: ObservationFlag;
}

export const THRESHOLD = 5;
export const STRICT_THRESHOLD = 10;
export const ROUNDING_BASE = 5;
/** Special categories whose counts are published rounded and under the stricter threshold. */
const STRICT_CATEGORIES: readonly DataCategory[] = ["ASYLUM", "TRAFFICKING"];

export function isStrict(subjectCategory: DataCategory): boolean {
  return STRICT_CATEGORIES.includes(subjectCategory);
}

export function thresholdFor(cell: Pick<RawCell, "ageGroup">, subjectCategory: DataCategory): number {
  return isStrict(subjectCategory) || cell.ageGroup === AgeGroup.Y0_17 ? STRICT_THRESHOLD : THRESHOLD;
}

/** Protects one whole table; the cells come back in the order given, each with value and flag. */
export function protectTable<T extends RawCell>(cells: readonly T[], subjectCategory: DataCategory): (T & Protected)[] {
  const rank = canonicalRanks(cells);
  const lines = tableLines(cells);
  const hidden = cells.map((c) => c.rawCount < thresholdFor(c, subjectCategory));
  // Smaller count first; equal counts in canonical order, so the result never depends on input order.
  const before = (i: number, j: number): boolean => {
    const [a, b] = [(cells[i] as T).rawCount, (cells[j] as T).rawCount];
    return a < b || (a === b && (rank[i] as number) < (rank[j] as number));
  };
  const smallestVisible = (candidates: readonly number[]): number | undefined => {
    let best: number | undefined;
    for (const i of candidates) if (!hidden[i] && (best === undefined || before(i, best))) best = i;
    return best;
  };
  for (;;) {
    hideLoneSuppressions(lines, hidden, smallestVisible);
    const derivable = derivableCells(lines, hidden).sort((a, b) => (rank[a] as number) - (rank[b] as number));
    const exposed = derivable[0];
    if (exposed === undefined) break;
    const through = lines.filter((l) => l.total === exposed || l.parts.includes(exposed));
    const complement =
      smallestVisible(through.flatMap((l) => l.parts)) ??
      smallestVisible(through.map((l) => l.total)) ??
      smallestVisible(cells.map((_, i) => i));
    // With every cell hidden nothing is derivable, so a complement always exists here.
    if (complement === undefined) break;
    hidden[complement] = true;
  }
  const round = isStrict(subjectCategory);
  return cells.map((cell, i) => {
    if (hidden[i]) return { ...cell, value: null, flag: ObservationFlag.SUPPRESSED };
    if (round) return { ...cell, value: roundToBase(cell.rawCount), flag: ObservationFlag.ROUNDED };
    return { ...cell, value: cell.rawCount, flag: ObservationFlag.NONE };
  });
}

export function roundToBase(count: number): number {
  return Math.round(count / ROUNDING_BASE) * ROUNDING_BASE;
}

/** Until no line has exactly one hidden cell: hide its smallest visible part (its total if none). */
function hideLoneSuppressions(
  lines: readonly Line[],
  hidden: boolean[],
  smallestVisible: (candidates: readonly number[]) => number | undefined,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if ([line.total, ...line.parts].filter((i) => hidden[i]).length !== 1) continue;
      hidden[smallestVisible(line.parts) ?? line.total] = true;
      changed = true;
    }
  }
}

const cellKey = (sex: Sex, ageGroup: AgeGroup, citizenship: string | null) => `${sex}|${ageGroup}|${citizenship ?? ""}`;

/** Every line of the table: along sex, along age group, along citizenship, for each fixed rest. */
export function tableLines(cells: readonly RawCell[]): Line[] {
  const index = new Map(cells.map((c, i) => [cellKey(c.sex, c.ageGroup, c.citizenshipCode), i]));
  const citizenships = [...new Set(cells.map((c) => c.citizenshipCode))].filter((c): c is string => c !== null);
  const lines: Line[] = [];
  const add = (total: string, parts: string[]) => {
    const t = index.get(total);
    const p = parts.map((k) => index.get(k)).filter((i): i is number => i !== undefined);
    if (t !== undefined && p.length > 0) lines.push({ total: t, parts: p });
  };
  const [, ...sexParts] = SEXES;
  const [, ...ageParts] = AGE_GROUPS;
  for (const citizenship of [null, ...citizenships]) {
    for (const age of AGE_GROUPS)
      add(
        cellKey(Sex.TOTAL, age, citizenship),
        sexParts.map((s) => cellKey(s, age, citizenship)),
      );
    for (const sex of SEXES)
      add(
        cellKey(sex, AgeGroup.TOTAL, citizenship),
        ageParts.map((a) => cellKey(sex, a, citizenship)),
      );
  }
  for (const sex of SEXES) {
    for (const age of AGE_GROUPS)
      add(
        cellKey(sex, age, null),
        citizenships.map((c) => cellKey(sex, age, c)),
      );
  }
  return lines;
}

// Plain code-unit order, not localeCompare: the order must not depend on the server's locale.
const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Position of each cell in the canonical order (sex, age group, citizenship; totals first). */
function canonicalRanks(cells: readonly RawCell[]): number[] {
  const order = cells.map((_, i) => i).sort((a, b) => compareCells(cells[a] as RawCell, cells[b] as RawCell));
  const rank = new Array<number>(cells.length);
  order.forEach((cell, position) => (rank[cell] = position));
  return rank;
}

export function compareCells(a: Omit<RawCell, "rawCount">, b: Omit<RawCell, "rawCount">): number {
  return (
    SEXES.indexOf(a.sex) - SEXES.indexOf(b.sex) ||
    AGE_GROUPS.indexOf(a.ageGroup) - AGE_GROUPS.indexOf(b.ageGroup) ||
    compareCodes(a.citizenshipCode ?? "", b.citizenshipCode ?? "")
  );
}
