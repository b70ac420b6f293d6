/** The incremental check against the full elimination, hide after hide. */
import { describe, expect, it } from "@jest/globals";
import { derivableCells, type Line } from "./derivableCells";
import { DerivableCellTracker } from "./DerivableCellTracker";
import { layOutTable } from "./layOutTable";
import { flatDimension, hierarchicalDimension } from "./TableDefinition";
import { SeededRandom } from "./SeededRandom";

/** Hides `order` one cell at a time; after each, the tracker and derivableCells must agree on every cell. */
function expectAgreement(lines: readonly Line[], cellCount: number, order: readonly number[]): void {
  const tracker = new DerivableCellTracker(lines, cellCount);
  const hidden = new Array<boolean>(cellCount).fill(false);
  for (const cell of order) {
    hidden[cell] = true;
    tracker.hide(cell);
    const tracked = hidden.flatMap((_, c) => (tracker.isDerivable(c) ? [c] : []));
    expect(tracked).toEqual(derivableCells(lines, hidden).sort((a, b) => a - b));
  }
}

describe("DerivableCellTracker", () => {
  it("finds a lone hidden cell of a line, and frees it when a second is hidden", () => {
    const tracker = new DerivableCellTracker([{ total: 0, parts: [1, 2, 3] }], 4);
    tracker.hide(1);
    expect(tracker.isDerivable(1)).toBe(true);
    tracker.hide(2);
    expect([tracker.isDerivable(1), tracker.isDerivable(2)]).toEqual([false, false]);
  });

  it("finds cells determined only through several lines, each with two hidden cells", () => {
    // x1 + x2, x2 + x4 and x1 + x4 are known: three equations, three unknowns.
    const cycle: Line[] = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [2, 4] },
      { total: 5, parts: [1, 4] },
    ];
    expectAgreement(cycle, 6, [1, 2, 4, 0]);
  });

  it("agrees with the full elimination on random tables and random orders of hiding", () => {
    const rng = new SeededRandom(3);
    for (let t = 0; t < 40; t++) {
      const sex = flatDimension("SEX", "T", ["F", "M"]);
      const age = flatDimension("AGE", "T", ["A1", "A2", "A3"].slice(0, rng.int(1, 3)));
      const region = hierarchicalDimension("REGION", "T", [
        { code: "R1", parts: ["D1", "D2"].slice(0, rng.int(0, 2)) },
        { code: "R2", parts: [] },
      ]);
      const { cells, lines } = layOutTable({
        dimensions: [sex, age, region],
        cubes: [
          ["SEX", "AGE"],
          ["SEX", "REGION"],
          ["AGE", "REGION"],
        ].filter((_, i) => i === 0 || rng.chance(0.7)),
      });
      // A random order of a random number of the cells (a partial Fisher-Yates shuffle).
      const order = cells.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      order.length = rng.int(1, cells.length);
      expectAgreement(lines, cells.length, order);
    }
  });
});
