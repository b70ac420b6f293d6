/**
 * Secondary suppression: given the cells hidden for being small, hides more until no hidden
 * cell can be computed from the published ones through the lines.
 */
import { derivableCells, type Line } from "./derivableCells";
import { DerivableCellTracker } from "./DerivableCellTracker";

/**
 * Which cells to hide, by index. `counts` and `primary` are by cell index, indices in canonical
 * order: ties between equal counts go to the earlier cell, so the result depends on the table
 * alone, never on the order its counts arrived in.
 *
 * 1. A line with exactly one hidden cell gets its smallest visible part hidden as well (its
 *    total if every part is hidden), until no such line is left.
 * 2. Lines cross, so that rule alone can leave a hidden cell computable through several lines.
 *    The first such cell gets a complement: the smallest visible part of a line through it,
 *    else the smallest visible total of one, else the smallest visible cell. Then back to 1.
 *
 * Mostly rule 1 leaves nothing computable, and one elimination (derivableCells) shows it. When
 * it does leave something, each complement needs the question asked again: DerivableCellTracker
 * answers it incrementally, and the elimination confirms its final answer.
 */
export function suppressCells(
  lines: readonly Line[],
  counts: readonly number[],
  primary: readonly boolean[],
): boolean[] {
  const hidden = counts.map(() => false);
  const linesOf: number[][] = counts.map(() => []);
  lines.forEach((line, l) => [line.total, ...line.parts].forEach((cell) => (linesOf[cell] as number[]).push(l)));
  const hiddenInLine = new Int32Array(lines.length);
  // Until the tracker is needed, hiding only counts the hidden cells of each line.
  const hideWith = (tracker?: DerivableCellTracker) => (cell: number) => {
    hidden[cell] = true;
    for (const l of linesOf[cell] as number[]) hiddenInLine[l] = (hiddenInLine[l] as number) + 1;
    tracker?.hide(cell);
  };
  const before = (i: number, j: number) => (counts[i] as number) - (counts[j] as number) || i - j;
  const smallestVisible = (candidates: Iterable<number>): number | undefined => {
    let best: number | undefined;
    for (const i of candidates) if (!hidden[i] && (best === undefined || before(i, best) < 0)) best = i;
    return best;
  };

  const hideUntracked = hideWith();
  primary.forEach((isSmall, cell) => {
    if (isSmall) hideUntracked(cell);
  });
  hideLoneSuppressions(lines, hiddenInLine, smallestVisible, hideUntracked);
  if (derivableCells(lines, hidden).length === 0) return hidden;

  const incremental = new DerivableCellTracker(lines, counts.length);
  hidden.forEach((isHidden, cell) => {
    if (isHidden) incremental.hide(cell);
  });
  const hide = hideWith(incremental);
  for (;;) {
    const exposed = hidden.findIndex((_, cell) => incremental.isDerivable(cell));
    if (exposed < 0) break;
    const through = (linesOf[exposed] as number[]).map((l) => lines[l] as Line);
    const complement =
      smallestVisible(through.flatMap((l) => l.parts)) ??
      smallestVisible(through.map((l) => l.total)) ??
      smallestVisible(hidden.keys());
    // With every cell hidden nothing is derivable, so a complement always exists here.
    if (complement === undefined) break;
    hide(complement);
    hideLoneSuppressions(lines, hiddenInLine, smallestVisible, hide);
  }
  // Two exact methods disagreeing is a defect: serve nothing rather than a computable cell.
  if (derivableCells(lines, hidden).length > 0) throw new Error("disclosure control left a cell computable");
  return hidden;
}

function hideLoneSuppressions(
  lines: readonly Line[],
  hiddenInLine: Int32Array,
  smallestVisible: (candidates: readonly number[]) => number | undefined,
  hide: (cell: number) => void,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    lines.forEach((line, l) => {
      if (hiddenInLine[l] !== 1) return;
      hide(smallestVisible(line.parts) ?? line.total);
      changed = true;
    });
  }
}
