/**
 * Which hidden cells the published cells and the lines still determine, kept up to date while
 * cells are hidden one at a time, so that a round of complements never redoes a whole
 * elimination.
 *
 * Each hidden cell j is an unknown with a column a_j: its coefficient in each line (+1 as a part,
 * -1 as the total). A change x of the hidden values that keeps every sum (sum of x_j a_j = 0) is
 * invisible in the published table; hidden cell j is determined exactly when no such change
 * moves it (the criterion of derivableCells seen from the null space: e_j lies in the row space
 * exactly when it is orthogonal to every null vector). Hiding cell c only adds null vectors:
 * reduce a_c against an echelon basis of the columns hidden so far, keeping track of the
 * combination; a column that reduces to zero gives one new null vector, and every cell it moves
 * is free from then on. Freedom is never lost by hiding more, so each hide costs one reduction
 * and each question is a lookup.
 */
import type { Line } from "./derivableCells";
import { SparseWork, type Sparse } from "./SparseWork";

interface BasisColumn {
  /** The line at which this column is 1 and every later basis column is 0. */
  readonly pivot: number;
  readonly column: Sparse;
  /** The hidden cells' columns this one is the sum of, with their coefficients. */
  readonly combination: Sparse;
}

export class DerivableCellTracker {
  private readonly basis: BasisColumn[] = [];
  private readonly linesOfCell: { line: number; coefficient: number }[][];
  private readonly hidden: Uint8Array;
  private readonly free: Uint8Array;
  private readonly column: SparseWork;
  private readonly combination: SparseWork;

  constructor(lines: readonly Line[], cellCount: number) {
    this.linesOfCell = Array.from({ length: cellCount }, () => []);
    lines.forEach((line, l) => {
      this.linesOfCell[line.total]?.push({ line: l, coefficient: -1 });
      for (const part of line.parts) this.linesOfCell[part]?.push({ line: l, coefficient: 1 });
    });
    this.hidden = new Uint8Array(cellCount);
    this.free = new Uint8Array(cellCount);
    this.column = new SparseWork(lines.length);
    this.combination = new SparseWork(cellCount);
  }

  /** Whether the cell is hidden and its value still follows from what is published. */
  isDerivable(cell: number): boolean {
    return this.hidden[cell] === 1 && this.free[cell] === 0;
  }

  hide(cell: number): void {
    if (this.hidden[cell] === 1) return;
    this.hidden[cell] = 1;
    const { column, combination } = this;
    for (const { line, coefficient } of this.linesOfCell[cell] as { line: number; coefficient: number }[]) {
      column.set(line, coefficient);
    }
    combination.set(cell, 1);
    for (const b of this.basis) {
      const factor = column.get(b.pivot);
      if (factor === 0) continue;
      column.subtract(factor, b.column);
      combination.subtract(factor, b.combination);
    }
    const pivot = column.largest();
    if (pivot === undefined) {
      // The hidden columns now have one more dependency: a change the lines cannot see.
      column.take();
      for (const c of combination.take().indices) this.free[c] = 1;
      return;
    }
    const scale = column.get(pivot);
    this.basis.push({ pivot, column: column.take(scale), combination: combination.take(scale) });
  }
}
