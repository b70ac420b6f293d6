/**
 * The agencies' statistical tables through the real gateway (profile contract): the statistician
 * and the profile service receive both agencies' tables whole and protected at the source; a
 * border officer checking travellers does not.
 */
import { describe, expect, it } from "@jest/globals";
import type { StatisticalCell as Cell, StatisticalTable as Table } from "@hub/kit";
import { as, gql, personaToken, world } from "../harness/fixtures";

const YEAR = new Date().getUTCFullYear() - 1;
const MINOR_AGES = new Set(["Y_LT18", "Y_LT5", "Y5-9", "Y10-14", "Y15-17"]);
const TABLE = "indicator year unit regime cubes cells { sex age citizenship region month breakdown value flag }";
const QUERY = `query Tables($year: Int!) {
  crossings: borderPoliceStatistics(indicator: "CROSSINGS", year: $year) { ${TABLE} }
  permits: migrationServiceStatistics(indicator: "FIRST_PERMITS", year: $year) { ${TABLE} }
  victims: migrationServiceStatistics(indicator: "TRAFFICKING_VICTIMS", year: $year) { ${TABLE} }
}`;

/** No served value a threshold would have withheld, and every withheld cell says so. */
function expectProtected(table: Table): void {
  const strict = table.regime === "STRICT";
  for (const cell of table.cells) {
    if (cell.value === null) {
      expect(cell.flag).toBe("SUPPRESSED");
      continue;
    }
    expect(cell.value).toBeGreaterThanOrEqual(strict || MINOR_AGES.has(cell.age) ? 10 : 5);
    expect(cell.flag).toBe(strict ? "ROUNDED" : "NONE");
    if (strict) expect(cell.value % 5).toBe(0);
  }
}

const isTotal = (c: Cell) =>
  [c.sex, c.age, c.citizenship, c.region, c.month, c.breakdown].every((code) => code === "_T");

describe("statistical tables at the source", () => {
  it("reach the statistician whole, protected, and counting what the agencies hold", async () => {
    const res = await gql(QUERY, { ...(await as("statistician")), variables: { year: YEAR } });
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data as Record<"crossings" | "permits" | "victims", Table>;
    expect(data.crossings).toMatchObject({ indicator: "CROSSINGS", regime: "STANDARD" });
    expect(data.permits.cubes).toContainEqual(["SEX", "REGION"]);
    expect(data.victims.regime).toBe("STRICT");
    for (const table of Object.values(data)) {
      expect(table.cells.length).toBeGreaterThan(50);
      expectProtected(table);
    }
    expect(data.permits.cells.some((c) => c.region.startsWith("AM-ER-"))).toBe(true);
    expect(data.permits.cells.some((c) => c.flag === "SUPPRESSED")).toBe(true);
    // Crossings are counted on the day at the border, in Armenia's time (UTC+4).
    const crossings = world().crossings.filter((c) =>
      new Date(Date.parse(c.crossedAt) + 4 * 3_600_000).toISOString().startsWith(`${YEAR}-`),
    );
    expect(data.crossings.cells.find(isTotal)?.value).toBe(crossings.length);
  });

  it("reach the profile service client", async () => {
    const token = await personaToken("statistician", {
      subject: "svc-statistics-profile",
      role: "statistics-service",
      purposes: ["OFFICIAL_STATISTICS"],
    });
    const res = await gql(QUERY, { token, purpose: "OFFICIAL_STATISTICS", variables: { year: YEAR } });
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.crossings as Table).cells.length).toBeGreaterThan(50);
  });

  it("answer an unknown indicator with BAD_USER_INPUT", async () => {
    const res = await gql(`{ borderPoliceStatistics(indicator: "TOURISTS", year: ${YEAR}) { indicator } }`, {
      ...(await as("statistician")),
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.data?.borderPoliceStatistics).toBeNull();
  });

  it("answer the year under way with BAD_USER_INPUT, saying why", async () => {
    const res = await gql(
      `{ migrationServiceStatistics(indicator: "FIRST_PERMITS", year: ${YEAR + 1}) { indicator } }`,
      {
        ...(await as("statistician")),
      },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/has not ended: .* change from month to month/);
    expect(res.body.data?.migrationServiceStatistics).toBeNull();
  });

  it("are refused to a border officer checking travellers", async () => {
    const res = await gql(QUERY, { ...(await as("border-officer")), variables: { year: YEAR } });
    expect(res.body.data ?? null).toBeNull();
    const refused = (res.body.errors ?? []).map((e) => [e.path?.join("."), e.extensions?.code]);
    expect(refused).toEqual(
      expect.arrayContaining([
        ["crossings", "FORBIDDEN"],
        ["permits", "FORBIDDEN"],
        ["victims", "FORBIDDEN"],
      ]),
    );
  });
});
