/**
 * The pull's check of what a source serves, on the rule for minors: under STANDARD a cell of
 * persons under 18 is withheld below 10, not 5 (POLICY-RULES.md), so a source serving one with 7
 * broke the rules and its table must not be stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { IndicatorDefinition } from "../IndicatorDefinition.entity";
import { contractTable } from "../testing/contractTable";
import { createTestStore, type TestStore } from "../testing/testStore";
import { checkSourceTable } from "./checkSourceTable";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.drop());

describe("checkSourceTable", () => {
  it("refuses a STANDARD cell of minors with a value below 10", async () => {
    const definition = await store.db
      .getRepository(IndicatorDefinition)
      .findOneByOrFail({ sourceIndicator: "FIRST_PERMITS" });
    const table = contractTable(definition, 2024);
    const minors = table.cells.findIndex((c) => c.age === "Y_LT18" && c.value !== null);
    const served = { ...table, cells: table.cells.map((c, i) => (i === minors ? { ...c, value: 7 } : c)) };
    const known = { countries: new Set(["RU", "SY", "IN"]), regions: new Set(["AM-ER", "AM-ER-KE", "AM-SH", "AM-VD"]) };
    expect(() => checkSourceTable(served, definition, 2024, known)).toThrow(/below/);
  });
});
