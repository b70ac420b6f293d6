/**
 * The Border Police's statistical tables against a real PostgreSQL: the GROUPING SETS counts equal
 * counts made by hand from the synthetic world, and what leaves the agency is protected.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { countIndicator, computeStatisticalTable, StatisticalTables, type StatisticalIndicator } from "@hub/kit";
import { createAgencyTestDatabase, type AgencyTestDatabase } from "@hub/kit/dist/testing/agencyTestDatabase";
import { ageCodes, ageOn, countByHand, keyedCounts, type HandRecord } from "@hub/kit/dist/testing/countByHand";
import { generateWorld, type SyntheticTravelDocument } from "@hub/synthetic";
import { BORDER_POLICE_INDICATORS } from "./borderPoliceIndicators";
import { seedBorderPolice } from "./seed";
import { entities, migrations } from "./subgraph";

const YEAR = 2025;
const world = generateWorld({ persons: 600 });
const regionOf = new Map(world.crossingPoints.map((p) => [p.code, p.region]));
const documentByNumber = new Map(world.travelDocuments.map((d) => [d.documentNumber, d]));
const documentsOf = new Map<string, SyntheticTravelDocument[]>();
for (const d of world.travelDocuments) documentsOf.set(d.personRef, [...(documentsOf.get(d.personRef) ?? []), d]);

/** The document a record without one is counted by: valid on the day, else issued last, else lowest number. */
function documentOn(personRef: string, day: string): SyntheticTravelDocument | undefined {
  const rank = (d: SyntheticTravelDocument) => [d.issuedOn <= day && day <= d.expiresOn ? 1 : 0, d.issuedOn] as const;
  return [...(documentsOf.get(personRef) ?? [])].sort((a, b) => {
    const [va, ia] = rank(a);
    const [vb, ib] = rank(b);
    return vb - va || (ib < ia ? -1 : ib > ia ? 1 : 0) || (a.documentNumber < b.documentNumber ? -1 : 1);
  })[0];
}

function record(day: string, document: SyntheticTravelDocument | undefined, extra: Partial<HandRecord>): HandRecord {
  if (!document) throw new Error("every synthetic person holds a document");
  return {
    sex: document.holderSex === "FEMALE" ? "F" : "M",
    ages: ageCodes(ageOn(document.holderDateOfBirth, day)),
    citizenship: document.holderNationality,
    month: day.slice(5, 7),
    ...extra,
  };
}

/** A crossing's day at the border: Armenia keeps UTC+4 all year. */
const yerevanDay = (instant: string) => new Date(Date.parse(instant) + 4 * 3_600_000).toISOString().slice(0, 10);
const inYear = (day: string) => day.startsWith(`${YEAR}-`);

/** Yerevan days of the crossings of the year, in world order. */
const ofYear = world.crossings.map((c) => ({ c, day: yerevanDay(c.crossedAt) })).filter(({ day }) => inYear(day));
// Exactly one crossing of the year in Tavush (the Ayrum railway station): the region's cell then
// holds a single crossing, which must not be derivable from the total and the other regions.
const TAVUSH_POINTS = new Set(["BGT", "AYR"]);
for (const { c } of ofYear) if (TAVUSH_POINTS.has(c.crossingPointCode)) c.crossingPointCode = "EVN";
const lonely = ofYear[0];
if (lonely) lonely.c.crossingPointCode = "AYR";

const crossings = ofYear.map(({ c, day }) => ({
  c,
  hand: record(day, documentByNumber.get(c.documentNumber), {
    regions: [regionOf.get(c.crossingPointCode) ?? ""],
    breakdown: c.direction,
  }),
}));

const byHand: Record<string, HandRecord[]> = {
  CROSSINGS: crossings.map((x) => x.hand),
  RETURNING_NATIONALS: crossings
    .filter((x) => x.c.direction === "ENTRY" && x.hand.citizenship === "AM")
    .map((x) => ({ ...x.hand, breakdown: undefined })),
  REFUSALS_OF_ENTRY: world.entryRefusals
    .filter((r) => inYear(r.refusedOn))
    .map((r) =>
      record(r.refusedOn, documentOn(r.personRef, r.refusedOn), {
        regions: [regionOf.get(r.crossingPointCode) ?? ""],
        breakdown: r.reason,
      }),
    ),
  ENTRY_BANS: world.entryBans
    .filter((b) => inYear(b.issuedOn))
    .map((b) => record(b.issuedOn, documentOn(b.personRef, b.issuedOn), { breakdown: b.grounds })),
  DEPORTEES_SCREENED: world.deporteeScreenings
    .filter((s) => inYear(s.screenedOn))
    .map((s) =>
      record(s.screenedOn, documentOn(s.personRef, s.screenedOn), {
        regions: [regionOf.get(s.crossingPointCode) ?? ""],
        breakdown: s.returnReason,
      }),
    ),
};

const indicator = (code: string): StatisticalIndicator => {
  const found = BORDER_POLICE_INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

let t: AgencyTestDatabase;
beforeAll(async () => {
  t = await createAgencyTestDatabase("border-police", entities, migrations);
  await seedBorderPolice(t.db.manager, world);
}, 60_000);
afterAll(async () => t?.drop());

describe("Border Police indicators", () => {
  it.each(BORDER_POLICE_INDICATORS.map((i) => i.code))("%s: SQL counts equal counts by hand", async (code) => {
    const records = byHand[code] ?? [];
    expect(records.length).toBeGreaterThan(0);
    const { counts, unknown } = await countIndicator(t.db, indicator(code), YEAR);
    expect(unknown.size).toBe(0);
    expect(keyedCounts(counts)).toEqual(countByHand(records));
  });

  it("counts records past their retention period", async () => {
    const lapsed = world.crossings.filter((c) => c.retainUntil < world.asOf && inYear(yerevanDay(c.crossedAt)));
    expect(lapsed.length).toBeGreaterThan(0);
    const { counts } = await countIndicator(t.db, indicator("CROSSINGS"), YEAR);
    expect(keyedCounts(counts).get("_T|_T|_T|_T|_T|_T")).toBe(crossings.length);
  });

  it("suppresses a region with a single crossing and hides a second region, not a zero", async () => {
    const table = await computeStatisticalTable(t.db, indicator("CROSSINGS"), YEAR);
    const regions = table.cells.filter(
      (c) => c.sex === "_T" && c.age === "_T" && c.citizenship === "_T" && c.month === "_T" && c.breakdown === "_T",
    );
    const tavush = regions.find((c) => c.region === "AM-TV");
    expect(tavush).toMatchObject({ value: null, flag: "SUPPRESSED" });
    const hidden = regions.filter((c) => c.region !== "_T" && c.flag === "SUPPRESSED");
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const total = regions.find((c) => c.region === "_T");
    expect(total?.flag).toBe("NONE");
    const shown = regions.filter((c) => c.region !== "_T" && c.value !== null).reduce((s, c) => s + (c.value ?? 0), 0);
    expect((total?.value ?? 0) - shown).toBeGreaterThan(1);
  });

  it("serves every cell of every cube, none below the threshold, the same each time", async () => {
    const table = await computeStatisticalTable(t.db, indicator("CROSSINGS"), YEAR);
    expect(table).toMatchObject({ indicator: "CROSSINGS", year: YEAR, unit: "CROSSINGS", regime: "STANDARD" });
    expect(table.cubes).toEqual([
      ["SEX", "AGE"],
      ["SEX", "CITIZENSHIP"],
      ["SEX", "MONTH"],
      ["SEX", "REGION"],
      ["SEX", "BREAKDOWN"],
    ]);
    // 3 sexes by (_T + 18 bands + 2 broad groups + countries + the 5 regions with a crossing point +
    // 12 months + 2 directions): the sex margin belongs to every cube but is served once.
    const countries = new Set(world.countries.map((c) => c.code)).size;
    expect(table.cells).toHaveLength(3 * (1 + 20 + countries + 5 + 12 + 2));
    const minors = new Set(["Y_LT18", "Y_LT5", "Y5-9", "Y10-14", "Y15-17"]);
    for (const cell of table.cells) {
      if (cell.value === null) expect(cell.flag).toBe("SUPPRESSED");
      else expect(cell.value).toBeGreaterThanOrEqual(minors.has(cell.age) ? 10 : 5);
    }
    expect(JSON.stringify(await computeStatisticalTable(t.db, indicator("CROSSINGS"), YEAR))).toBe(
      JSON.stringify(table),
    );
  });

  it("refuses an unknown indicator, a year without records and a year that has not ended", async () => {
    const tables = new StatisticalTables(BORDER_POLICE_INDICATORS, () => new Date("2026-11-25T00:00:00Z"));
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "served",
        (e: { extensions?: { code?: string } }) => e.extensions?.code,
      );
    expect(await code(tables.table(t.db, "TOURISTS", YEAR))).toBe("BAD_USER_INPUT");
    expect(await code(tables.table(t.db, "CROSSINGS", 2018))).toBe("BAD_USER_INPUT");
    expect(await code(tables.table(t.db, "CROSSINGS", 2027))).toBe("BAD_USER_INPUT");
    // The year under way: its figures would change from month to month, and differenced give away cells.
    await expect(tables.table(t.db, "CROSSINGS", 2026)).rejects.toMatchObject({
      message: expect.stringMatching(/^year 2026 has not ended: .*two versions differenced/),
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await code(tables.table(t.db, "CROSSINGS", 2025))).toBe("served");
  });
});
