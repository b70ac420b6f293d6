/** The exact check that no hidden cell can be computed, and disclosure control against it on random tables. */
import { describe, expect, it } from "@jest/globals";
import { derivableCells, type Line } from "./derivableCells";
import { protectTable, tableLines, type RawCell } from "./disclosureControl";
import { AGE_GROUPS, AgeGroup, ObservationFlag, SEXES, Sex } from "./enums";

/** Rank by plain elimination: an independent way of telling which hidden cells are determined. */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const p = m.findIndex((row, k) => k >= r && Math.abs(row[c] ?? 0) > 1e-9);
    if (p < 0) continue;
    [m[p], m[r]] = [m[r] as number[], m[p] as number[]];
    const pivot = m[r] as number[];
    for (let k = r + 1; k < m.length; k++) {
      const row = m[k] as number[];
      const f = (row[c] ?? 0) / (pivot[c] ?? 1);
      for (let j = c; j < row.length; j++) row[j] = (row[j] ?? 0) - f * (pivot[j] ?? 0);
    }
    r++;
  }
  return r;
}

/** A hidden cell is determined exactly when dropping its column lowers the rank of the equations. */
function determinedByRank(lines: readonly Line[], hidden: readonly boolean[]): number[] {
  const columns = hidden.flatMap((h, i) => (h ? [i] : []));
  const rows = lines.map((l) => columns.map((c) => (c === l.total ? -1 : l.parts.includes(c) ? 1 : 0)));
  const full = rank(rows);
  return columns.filter((_, j) => rank(rows.map((row) => row.filter((__, k) => k !== j))) === full - 1);
}

describe("derivableCells", () => {
  // total = a + b + c
  const lines: Line[] = [{ total: 0, parts: [1, 2, 3] }];

  it("finds a lone hidden cell of a line", () => {
    expect(derivableCells(lines, [false, true, false, false])).toEqual([1]);
  });

  it("finds nothing when two cells of the line are hidden", () => {
    expect(derivableCells(lines, [false, true, true, false])).toEqual([]);
  });

  it("finds cells determined only through several lines, each with two hidden cells", () => {
    // x1 + x2, x2 + x4 and x1 + x4 are known: three equations, three unknowns.
    const cycle: Line[] = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [2, 4] },
      { total: 5, parts: [1, 4] },
    ];
    const hidden = [false, true, true, false, true, false];
    expect(derivableCells(cycle, hidden).sort((a, b) => a - b)).toEqual([1, 2, 4]);
    expect(determinedByRank(cycle, hidden)).toEqual([1, 2, 4]);
  });
});

/** Deterministic pseudo-random numbers (a linear congruential generator), so failures repeat. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function randomTable(next: () => number): RawCell[] {
  const citizenships = ["AA", "BB", "CC", "DD", "EE"].slice(0, 1 + Math.floor(next() * 5));
  const scale = 5 + next() * 40;
  const interior = new Map<string, number>();
  for (const s of SEXES.slice(1)) {
    for (const a of AGE_GROUPS.slice(1))
      for (const c of citizenships) interior.set(`${s}|${a}|${c}`, Math.floor(next() * next() * scale));
  }
  const cells: RawCell[] = [];
  for (const citizenshipCode of [null, ...citizenships]) {
    for (const sex of SEXES) {
      for (const ageGroup of AGE_GROUPS) {
        let rawCount = 0;
        for (const [key, n] of interior) {
          const [s, a, c] = key.split("|");
          if (
            (sex === Sex.TOTAL || sex === s) &&
            (ageGroup === AgeGroup.TOTAL || ageGroup === a) &&
            (citizenshipCode ?? c) === c
          )
            rawCount += n;
        }
        cells.push({ sex, ageGroup, citizenshipCode, rawCount });
      }
    }
  }
  return cells;
}

describe("protectTable on random tables", () => {
  // The line rule alone leaves a computable cell in a few tables in a hundred of these (found by search).
  it("never leaves a hidden cell that the served cells determine", () => {
    const next = generator(7);
    for (let t = 0; t < 300; t++) {
      const cells = randomTable(next);
      const lines = tableLines(cells);
      const hidden = protectTable(cells, "TRAVEL").map((c) => c.flag === ObservationFlag.SUPPRESSED);
      expect(derivableCells(lines, hidden)).toEqual([]);
      if (t % 10 === 0) expect(determinedByRank(lines, hidden)).toEqual([]);
    }
  });
});
