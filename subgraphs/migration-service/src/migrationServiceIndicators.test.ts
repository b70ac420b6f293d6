/**
 * The Migration Service's statistical tables against a real PostgreSQL: the GROUPING SETS counts
 * equal counts made by hand from the synthetic world, and what leaves the agency is protected.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { computeStatisticalTable, countIndicator, type StatisticalIndicator } from "@hub/kit";
import { createAgencyTestDatabase, type AgencyTestDatabase } from "@hub/kit/dist/testing/agencyTestDatabase";
import { ageCodes, ageOn, countByHand, keyedCounts, type HandRecord } from "@hub/kit/dist/testing/countByHand";
import { generateWorld } from "@hub/synthetic";
import { MIGRATION_SERVICE_INDICATORS } from "./migrationServiceIndicators";
import { seedMigrationService } from "./seed";
import { entities, migrations } from "./subgraph";

const YEAR = 2025;
const world = generateWorld({ persons: 1500 });
const inYearOf =
  (year: number) =>
  (day: string | null): day is string =>
    day?.startsWith(`${year}-`) ?? false;
const inYear = inYearOf(YEAR);

// Exactly one first permit of the year held by a resident of Vayots Dzor: the region's cell then
// holds a single permit, which must not be derivable from the total and the other regions.
const firstOfYear = world.residencePermits.filter((p) => p.firstPermit && inYear(p.issuedOn));
for (const p of firstOfYear) if (p.residenceRegion === "AM-VD") p.residenceRegion = "AM-KT";
const lonely = firstOfYear.find((p) => p.residenceDistrict === null);
if (lonely) lonely.residenceRegion = "AM-VD";
// One Yerevan resident whose district was not recorded: counted in Yerevan's unknown district.
const districtless = firstOfYear.find((p) => p.residenceRegion === "AM-ER");
if (districtless) districtless.residenceDistrict = null;

const persons = new Map(world.persons.map((p) => [p.personRef, p]));

function record(personRef: string, day: string, extra: Partial<HandRecord>): HandRecord {
  const person = persons.get(personRef);
  if (!person) throw new Error(`no person ${personRef}`);
  return {
    sex: person.sex === "FEMALE" ? "F" : "M",
    ages: ageCodes(ageOn(person.dateOfBirth, day)),
    citizenship: person.citizenships[0] ?? "",
    month: day.slice(5, 7),
    ...extra,
  };
}

/** Returns are few: their test year is the latest with one. */
const RETURNS_YEAR = Math.max(
  ...world.returnDecisions.flatMap((d) => (d.returnedOn ? [Number(d.returnedOn.slice(0, 4))] : [])),
);
const yearOf = (code: string): number => (code === "RETURNS" ? RETURNS_YEAR : YEAR);

const byHand: Record<string, HandRecord[]> = {
  FIRST_PERMITS: firstOfYear.map((p) =>
    record(p.personRef, p.issuedOn, {
      regions: [
        p.residenceRegion,
        ...(p.residenceDistrict !== null ? [p.residenceDistrict] : p.residenceRegion === "AM-ER" ? ["AM-ER-_U"] : []),
      ],
      breakdown: p.permitType,
    }),
  ),
  ASYLUM_FIRST_TIME_APPLICANTS: world.asylumApplications
    .filter((a) => a.firstTime && inYear(a.lodgedOn))
    .map((a) => record(a.personRef, a.lodgedOn, {})),
  ASYLUM_FIRST_INSTANCE_DECISIONS: world.asylumApplications.flatMap((a) =>
    inYear(a.decidedOn) ? [record(a.personRef, a.decidedOn, { breakdown: a.outcome })] : [],
  ),
  ORDERS_TO_LEAVE: world.returnDecisions
    .filter((d) => inYear(d.issuedOn))
    .map((d) => record(d.personRef, d.issuedOn, { breakdown: d.grounds })),
  RETURNS: world.returnDecisions.flatMap((d) =>
    inYearOf(RETURNS_YEAR)(d.returnedOn) ? [record(d.personRef, d.returnedOn, {})] : [],
  ),
  TRAFFICKING_VICTIMS: world.traffickingCases
    .filter((c) => inYear(c.identifiedOn))
    .map((c) =>
      record(c.personRef, c.identifiedOn, { regions: [c.identifiedRegion], breakdown: c.formOfExploitation }),
    ),
};

const indicator = (code: string): StatisticalIndicator => {
  const found = MIGRATION_SERVICE_INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

let t: AgencyTestDatabase;
beforeAll(async () => {
  t = await createAgencyTestDatabase("migration-service", entities, migrations);
  await seedMigrationService(t.db.manager, world);
}, 60_000);
afterAll(async () => t?.drop());

describe("Migration Service indicators", () => {
  it.each(MIGRATION_SERVICE_INDICATORS.map((i) => i.code))("%s: SQL counts equal counts by hand", async (code) => {
    const records = byHand[code] ?? [];
    expect(records.length).toBeGreaterThan(0);
    const { counts, unknown } = await countIndicator(t.db, indicator(code), yearOf(code));
    expect(unknown.size).toBe(0);
    expect(keyedCounts(counts)).toEqual(countByHand(records));
  });

  it("counts first permits by Yerevan district within Yerevan, one without a district as AM-ER-_U", async () => {
    expect(districtless).toBeDefined();
    const { counts, dimensions } = await countIndicator(t.db, indicator("FIRST_PERMITS"), YEAR);
    const cells = keyedCounts(counts);
    const districts = [...cells].filter(([key]) => /^_T\|_T\|_T\|AM-ER-/.test(key));
    expect(districts.length).toBeGreaterThan(3);
    expect(cells.get("_T|_T|_T|AM-ER-_U|_T|_T")).toBe(1);
    expect(districts.reduce((s, [, n]) => s + n, 0)).toBe(cells.get("_T|_T|_T|AM-ER|_T|_T"));
    const region = dimensions.find((d) => d.id === "REGION");
    expect(region?.lines.find((l) => l.total === "AM-ER")?.parts).toContain("AM-ER-_U");
    const table = await computeStatisticalTable(t.db, indicator("FIRST_PERMITS"), YEAR);
    expect(table.cells.some((c) => c.region === "AM-ER-_U")).toBe(true);
  });

  it("suppresses a region with a single permit holder and hides a second region, not a zero", async () => {
    const table = await computeStatisticalTable(t.db, indicator("FIRST_PERMITS"), YEAR);
    const topLevel = table.cells.filter(
      (c) =>
        c.sex === "_T" &&
        c.age === "_T" &&
        c.citizenship === "_T" &&
        c.month === "_T" &&
        c.breakdown === "_T" &&
        !/^AM-ER-/.test(c.region),
    );
    expect(topLevel.find((c) => c.region === "AM-VD")).toMatchObject({ value: null, flag: "SUPPRESSED" });
    const total = topLevel.find((c) => c.region === "_T");
    expect(total?.flag).toBe("NONE");
    const hidden = topLevel.filter((c) => c.region !== "_T" && c.flag === "SUPPRESSED");
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const shown = topLevel.filter((c) => c.region !== "_T").reduce((s, c) => s + (c.value ?? 0), 0);
    expect((total?.value ?? 0) - shown).toBeGreaterThan(1);
  });

  it("serves asylum and trafficking tables under the strict regime: threshold 10, rounded to 5", async () => {
    for (const code of ["ASYLUM_FIRST_TIME_APPLICANTS", "ASYLUM_FIRST_INSTANCE_DECISIONS", "TRAFFICKING_VICTIMS"]) {
      const table = await computeStatisticalTable(t.db, indicator(code), YEAR);
      expect(table.regime).toBe("STRICT");
      for (const cell of table.cells) {
        if (cell.value === null) expect(cell.flag).toBe("SUPPRESSED");
        else expect([cell.flag, cell.value % 5, cell.value >= 10]).toEqual(["ROUNDED", 0, true]);
      }
    }
  });
});
