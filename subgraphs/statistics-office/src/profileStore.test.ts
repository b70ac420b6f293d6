/**
 * The profile store on a real PostgreSQL: code lists as seeded, a pull stored as served and
 * replaced by the next, and what the profile reads publish of it per template.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { loadProfileDefinitions, TOTAL } from "@hub/contracts";
import { isPublishedBy, isSexMargin } from "./cellDimensions";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import { loadTables, loadTemplate } from "./profileStore";
import { storePull } from "./pull/storePull";
import { contractTable } from "./testing/contractTable";
import { createTestStore, type TestStore } from "./testing/testStore";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.drop());

const definition = (code: string) => store.db.getRepository(IndicatorDefinition).findOneByOrFail({ code });
const count = async (sql: string, params: unknown[] = []) =>
  ((await store.db.query(sql, params)) as { n: number }[])[0]?.n;

describe("the seeded store", () => {
  it("holds the definitions and templates of contracts/profiles, the regions, and no figure", async () => {
    const profiles = loadProfileDefinitions();
    const codes = (await store.db.getRepository(IndicatorDefinition).find()).map((d) => d.code).sort();
    expect(codes).toEqual(profiles.indicators.map((i) => i.code).sort());
    const regional = await loadTemplate(store.db, "REGIONAL_HARMONISED");
    expect(regional.entries.map((e) => [e.indicator.code, e.indicator.disaggregations])).toEqual(
      profiles.templates
        .find((t) => t.id === "REGIONAL_HARMONISED")
        ?.indicators.map((i) => [i.code, i.disaggregations]),
    );
    expect(await count("SELECT count(*)::int AS n FROM region WHERE parent = 'AM-ER'")).toBeGreaterThan(5);
    expect(await count("SELECT count(*)::int AS n FROM observation")).toBe(0);
  });

  it("refuses an unknown template, naming the known ones", async () => {
    await expect(loadTemplate(store.db, "NOPE")).rejects.toThrow(
      "Unknown template NOPE; the templates are NATIONAL_EXTENDED, REGIONAL_HARMONISED",
    );
  });
});

describe("storing a pull", () => {
  it("keeps the cells as served, in order, and a re-pull replaces the indicator-year", async () => {
    const permits = await definition("FIRST_PERMITS");
    const table = contractTable(permits, 2024);
    const first = await storePull(store.db, {
      templateId: "NATIONAL_EXTENDED",
      year: 2024,
      tables: [{ indicatorCode: "FIRST_PERMITS", cells: table.cells, requestId: "req-1" }],
    });
    expect(first.cells).toBe(table.cells.length);
    const { cells, pulledAt } = await loadTables(store.db, ["FIRST_PERMITS"], 2024);
    const stored = cells.get("FIRST_PERMITS") ?? [];
    expect(
      stored.map(({ sex, age, citizenship, region, month, breakdown, value, flag }) => ({
        ...{ sex, age, citizenship, region, month, breakdown, value, flag },
      })),
    ).toEqual(table.cells);
    expect(pulledAt).toEqual(first.pulledAt);

    const again = await storePull(store.db, {
      templateId: "REGIONAL_HARMONISED",
      year: 2024,
      tables: [{ indicatorCode: "FIRST_PERMITS", cells: table.cells.slice(0, 10), requestId: "req-2" }],
    });
    expect(await count("SELECT count(*)::int AS n FROM observation WHERE year = 2024")).toBe(10);
    expect(await count("SELECT count(DISTINCT pull_id)::int AS n FROM observation")).toBe(1);
    expect(await store.db.query("SELECT template_id, request_ids FROM profile_pull ORDER BY id")).toEqual([
      { template_id: "NATIONAL_EXTENDED", request_ids: ["req-1"] },
      { template_id: "REGIONAL_HARMONISED", request_ids: ["req-2"] },
    ]);
    expect((await loadTables(store.db, ["FIRST_PERMITS"], 2024)).pulledAt).toEqual(again.pulledAt);
  });

  it("stores nothing when one cell breaks a rule of the store (a suppressed cell with a value)", async () => {
    const returns = await definition("RETURNS");
    const good = contractTable(returns, 2023).cells;
    const leaking = good.map((c, i) => (i === 2 ? { ...c, flag: "SUPPRESSED" as const, value: 3 } : c));
    const pulls = await count("SELECT count(*)::int AS n FROM profile_pull");
    await expect(
      storePull(store.db, {
        templateId: "NATIONAL_EXTENDED",
        year: 2023,
        tables: [{ indicatorCode: "RETURNS", cells: leaking, requestId: "req-3" }],
      }),
    ).rejects.toThrow(/check constraint/);
    expect(await count("SELECT count(*)::int AS n FROM observation WHERE year = 2023")).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM profile_pull")).toBe(pulls);
  });
});

describe("what a template publishes", () => {
  it("only cells at the total of every dimension the template does not publish", async () => {
    const permits = await definition("FIRST_PERMITS");
    await storePull(store.db, {
      templateId: "NATIONAL_EXTENDED",
      year: 2025,
      tables: [{ indicatorCode: "FIRST_PERMITS", cells: contractTable(permits, 2025).cells, requestId: "req-4" }],
    });
    const { cells } = await loadTables(store.db, ["FIRST_PERMITS"], 2025);
    const table = cells.get("FIRST_PERMITS") ?? [];
    const [national, regional] = await Promise.all(
      ["NATIONAL_EXTENDED", "REGIONAL_HARMONISED"].map(async (id) => {
        const entry = (await loadTemplate(store.db, id)).entries.find((e) => e.indicator.code === "FIRST_PERMITS");
        return table.filter((c) => isPublishedBy(c, entry?.disaggregations ?? []));
      }),
    );
    expect(national).toHaveLength(table.length);
    expect(regional?.length).toBeLessThan(table.length);
    expect(regional?.some((c) => c.region !== TOTAL || c.month !== TOTAL)).toBe(false);
    expect(regional?.some((c) => c.breakdown !== TOTAL)).toBe(true);
    expect(table.filter((c) => isSexMargin(c, "F")).map((c) => c.sex)).toEqual(["F"]);
  });
});
