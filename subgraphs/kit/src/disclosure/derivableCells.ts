/**
 * Which hidden cells of a table can still be computed exactly from the published cells and the
 * table's sums (each line: parts add up to its total). Linear algebra, no statistics.
 */

/** Cells (by index) that add up to a total cell: one row or column of a table. */
export interface Line {
  total: number;
  parts: readonly number[];
}

/** Below this a coefficient is zero: the sums have coefficients ±1, so real entries stay far above it. */
const EPSILON = 1e-9;

/**
 * Indices of hidden cells whose value is determined. Each line gives one linear equation in the
 * hidden cells (the published ones are known constants). A hidden cell is determined exactly
 * when its unit vector lies in the row space of those equations, i.e. when the reduced row
 * echelon form has a row with a single non-zero entry, at that cell.
 */
export function derivableCells(lines: readonly Line[], hidden: readonly boolean[]): number[] {
  const cellOfColumn: number[] = [];
  const columnOfCell = new Map<number, number>();
  hidden.forEach((isHidden, cell) => {
    if (!isHidden) return;
    columnOfCell.set(cell, cellOfColumn.length);
    cellOfColumn.push(cell);
  });
  const width = cellOfColumn.length;
  const rows: Float64Array[] = [];
  for (const line of lines) {
    const row = new Float64Array(width);
    let unknowns = 0;
    for (const [cell, coefficient] of [[line.total, -1] as const, ...line.parts.map((p) => [p, 1] as const)]) {
      const column = columnOfCell.get(cell);
      if (column === undefined) continue;
      row[column] = coefficient;
      unknowns++;
    }
    if (unknowns > 0) rows.push(row);
  }
  const pivotColumns = reduceToEchelonForm(rows, width);
  const derivable: number[] = [];
  pivotColumns.forEach((pivot, r) => {
    const row = rows[r] as Float64Array;
    for (let j = pivot + 1; j < width; j++) if (row[j] !== 0) return;
    derivable.push(cellOfColumn[pivot] as number);
  });
  return derivable;
}

/**
 * Gauss-Jordan elimination in place; returns the pivot column of each leading row. Rows below
 * the current one are zero left of the current column, so only columns from there on change.
 */
function reduceToEchelonForm(rows: Float64Array[], width: number): number[] {
  const pivots: number[] = [];
  for (let c = 0, r = 0; c < width && r < rows.length; c++) {
    let best = r;
    for (let k = r + 1; k < rows.length; k++) {
      if (Math.abs((rows[k] as Float64Array)[c] as number) > Math.abs((rows[best] as Float64Array)[c] as number))
        best = k;
    }
    const pivotRow = rows[best] as Float64Array;
    const pivot = pivotRow[c] as number;
    if (Math.abs(pivot) < EPSILON) continue;
    rows[best] = rows[r] as Float64Array;
    rows[r] = pivotRow;
    for (let j = c; j < width; j++) pivotRow[j] = (pivotRow[j] as number) / pivot;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k] as Float64Array;
      const factor = row[c] as number;
      if (k === r || factor === 0) continue;
      for (let j = c; j < width; j++) {
        const v = (row[j] as number) - factor * (pivotRow[j] as number);
        row[j] = Math.abs(v) < EPSILON ? 0 : v;
      }
    }
    pivots.push(c);
    r++;
  }
  return pivots;
}
