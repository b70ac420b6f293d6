/**
 * Secondary suppression of a survey table: given the cells hidden for having too few
 * respondents, hides more until none of them can be computed from the cells served.
 */
import { derivableCells, type Line } from "../derivableCells";

/**
 * Which cells to hide, by index (canonical order: ties between equal counts go to the earlier
 * cell, so the result depends on the table alone). A line with a single hidden cell gets its
 * smallest visible part hidden too (its total if every part is hidden); then, since lines
 * cross, any hidden cell still computable through several lines gets a complement on one of
 * its lines. Survey tables have at most a few hundred cells, so each round re-checks them all.
 */
export function suppressSurveyCells(
  lines: readonly Line[],
  counts: readonly number[],
  primary: readonly boolean[],
): boolean[] {
  const hidden = [...primary];
  const smallestVisible = (candidates: readonly number[]): number | undefined => {
    let best: number | undefined;
    for (const i of candidates) {
      if (hidden[i]) continue;
      if (best === undefined || (counts[i] as number) < (counts[best] as number)) best = i;
    }
    return best;
  };
  const everyCell = counts.map((_, i) => i);
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        const cells = [line.total, ...line.parts];
        if (cells.filter((c) => hidden[c]).length !== 1) continue;
        hidden[smallestVisible([...line.parts].sort((a, b) => a - b)) ?? line.total] = true;
        changed = true;
      }
    }
    const exposed = derivableCells(lines, hidden).sort((a, b) => a - b)[0];
    if (exposed === undefined) return hidden;
    const through = lines.filter((l) => l.total === exposed || l.parts.includes(exposed));
    const complement =
      smallestVisible(through.flatMap((l) => l.parts).sort((a, b) => a - b)) ??
      smallestVisible(through.map((l) => l.total).sort((a, b) => a - b)) ??
      smallestVisible(everyCell);
    // With every cell hidden nothing is derivable, so a complement always exists here.
    if (complement === undefined) return hidden;
    hidden[complement] = true;
  }
}
