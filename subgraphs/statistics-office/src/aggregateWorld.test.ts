/** Aggregation of a world's records into indicator tables: what counts where, and that totals add up. */
import { describe, expect, it } from "@jest/globals";
import { generateWorld, type AsylumOutcome, type SyntheticPerson } from "@hub/synthetic";
import { aggregateWorld, ageGroupAt, type AggregationInput, type CellCount } from "./aggregateWorld";
import { tableLines } from "./disclosureControl";
import { AgeGroup, Sex } from "./enums";
import { INDICATORS } from "./indicators";

type Person = SyntheticPerson;
const kept = { retainUntil: "2099-01-01" };
const lapsed = { retainUntil: "2020-01-01" };

// Factories fill the fields aggregation ignores, so each record below shows only what matters.
const person = (personRef: string, sex: Person["sex"], dateOfBirth: string, citizenships: string[]): Person => ({
  ...{ personRef, sex, dateOfBirth, citizenships, nationalId: personRef, familyName: "T", givenName: personRef },
  ...{ countryOfBirth: "AM", guardianPersonRef: null, ...kept },
});
const permit = (personRef: string, issuedOn: string, firstPermit: boolean, retention = kept) => ({
  ...{ permitNumber: `P-${personRef}-${issuedOn}`, personRef, issuedOn, firstPermit, permitType: "OTHER" as const },
  ...{ validUntil: "2030-01-01", status: "VALID" as const, employer: null, ...retention },
  ...{ residenceRegion: "AM-ER", residenceDistrict: "AM-ER-KE" },
});
const asylum = (
  personRef: string,
  lodgedOn: string,
  firstTime: boolean,
  outcome: AsylumOutcome,
  decidedOn: string,
) => ({
  ...{ applicationId: `A-${personRef}`, personRef, lodgedOn, firstTime, outcome, decidedOn, countryOfOrigin: "SY" },
  ...{ grounds: [], unaccompaniedMinor: false, ...kept },
});
const crossing = (personRef: string, direction: "ENTRY" | "EXIT", crossedAt: string) => ({
  ...{
    id: `C-${personRef}-${crossedAt}`,
    personRef,
    direction,
    crossedAt,
    documentNumber: "D",
    crossingPointCode: "EVN",
  },
  ...{ accompaniedMinor: false, accompanyingPersonRef: null, biometricMatchScore: null, ...kept },
});

/** A girl from Syria, a Russian man, an Armenian woman, a Russian-Armenian dual national. */
const world: AggregationInput = {
  asOf: "2025-06-01",
  countries: ["AM", "RU", "SY"].map((code) => ({ code, name: code })),
  persons: [
    person("girl", "FEMALE", "2010-06-15", ["SY"]),
    person("man", "MALE", "1980-01-01", ["RU"]),
    person("woman", "FEMALE", "1990-03-01", ["AM"]),
    person("dual", "MALE", "1985-05-05", ["RU", "AM"]),
  ],
  residencePermits: [
    permit("man", "2024-02-01", true),
    permit("man", "2025-02-01", false),
    permit("girl", "2024-06-14", true, lapsed),
  ],
  asylumApplications: [
    asylum("girl", "2023-12-30", true, "REFUGEE_STATUS", "2024-03-01"),
    asylum("man", "2024-01-01", false, "REJECTED", "2024-04-01"),
  ],
  entryRefusals: [
    { id: "R1", personRef: "man", crossingPointCode: "EVN", refusedOn: "2024-05-05", reason: "C", ...lapsed },
  ],
  entryBans: [
    { id: "B1", personRef: "man", issuedOn: "2024-05-06", validUntil: "2029-05-06", grounds: "PUBLIC_ORDER", ...kept },
  ],
  returnDecisions: [
    {
      ...{ decisionId: "D1", personRef: "man", issuedOn: "2024-07-01", returnedOn: "2025-01-10", status: "ENFORCED" },
      ...{ grounds: "IRREGULAR_STAY", voluntaryDepartureUntil: null, destinationCountry: "RU", ...kept },
    },
  ],
  traffickingCases: [
    {
      ...{ caseId: "T1", personRef: "woman", identifiedOn: "2024-08-08", formOfExploitation: "LABOUR" },
      ...{
        countryOfExploitation: "RU",
        screeningInterviewOn: "2024-08-09",
        assistanceInterviewOn: null,
        assistance: [],
      },
      ...{ assignedCaseworker: "caseworker-01", consentToShare: true, reflectionPeriodUntil: "2024-11-08" },
      ...{ status: "OPEN", identifiedRegion: "AM-ER", ...kept },
    },
  ],
  crossings: [
    crossing("man", "ENTRY", "2024-01-01T10:00:00Z"),
    crossing("man", "EXIT", "2024-02-01T10:00:00Z"),
    crossing("woman", "ENTRY", "2024-03-01T10:00:00Z"),
    crossing("dual", "ENTRY", "2024-04-01T10:00:00Z"),
    crossing("girl", "ENTRY", "2023-12-31T23:30:00Z"),
  ],
  deporteeScreenings: [
    {
      ...{ id: "S1", personRef: "woman", screenedOn: "2025-02-02", crossingPointCode: "EVN", deportingCountry: "RU" },
      ...{ returnReason: "OVERSTAY", traffickingIndicators: [], healthNeeds: null, consentToShare: true, ...kept },
    },
  ],
};

const cells = aggregateWorld(world);

const key = (c: Omit<CellCount, "rawCount">) =>
  `${c.indicatorCode}|${c.year}|${c.sex}|${c.ageGroup}|${c.citizenshipCode}`;
const byKey = new Map(cells.map((c) => [key(c), c.rawCount]));

function count(
  indicatorCode: string,
  year: number,
  sex = Sex.TOTAL,
  ageGroup = AgeGroup.TOTAL,
  citizenshipCode: string | null = null,
) {
  return byKey.get(key({ indicatorCode, year, sex, ageGroup, citizenshipCode }));
}

function tables(all: CellCount[]): CellCount[][] {
  const byTable = new Map<string, CellCount[]>();
  for (const c of all)
    byTable.set(`${c.indicatorCode}|${c.year}`, [...(byTable.get(`${c.indicatorCode}|${c.year}`) ?? []), c]);
  return [...byTable.values()];
}

function expectLinesAddUp(all: CellCount[]): void {
  for (const table of tables(all)) {
    for (const line of tableLines(table)) {
      const parts = line.parts.reduce((sum, i) => sum + (table[i] as CellCount).rawCount, 0);
      expect(parts).toBe((table[line.total] as CellCount).rawCount);
    }
  }
}

describe("aggregateWorld", () => {
  it("counts each record kind in its indicator, by the year of its event", () => {
    expect(count("FIRST_PERMITS", 2024)).toBe(2);
    expect(count("ASYLUM_FIRST_TIME_APPLICANTS", 2023)).toBe(1);
    expect(count("ASYLUM_DECISIONS", 2024)).toBe(2);
    expect(count("ASYLUM_POSITIVE_DECISIONS", 2024)).toBe(1);
    expect(count("ORDERED_TO_LEAVE", 2024)).toBe(1);
    expect(count("RETURNED", 2025)).toBe(1);
    expect(count("VICTIMS_OF_TRAFFICKING", 2024)).toBe(1);
    expect(count("RETURNED_NATIONALS", 2025)).toBe(1);
  });

  it("counts records past their retention date (aggregates only)", () => {
    expect(count("REFUSED_ENTRY", 2024)).toBe(1);
    expect(count("FIRST_PERMITS", 2024, Sex.FEMALE, AgeGroup.Y0_17, "SY")).toBe(1);
  });

  it("counts entries of non-nationals only, dual nationals being nationals", () => {
    expect(count("ENTRIES", 2024)).toBe(1);
    expect(count("ENTRIES", 2023, Sex.FEMALE, AgeGroup.Y0_17, "SY")).toBe(1);
  });

  it("places each event by sex, age at the event and primary citizenship", () => {
    expect(count("FIRST_PERMITS", 2024, Sex.MALE, AgeGroup.Y35_64, "RU")).toBe(1);
    expect(count("VICTIMS_OF_TRAFFICKING", 2024, Sex.FEMALE, AgeGroup.Y18_34, "AM")).toBe(1);
  });

  it("writes complete tables from each indicator's first event to the world's year", () => {
    for (const table of tables(cells)) expect(table).toHaveLength(4 * 3 * 5);
    expect(count("FIRST_PERMITS", 2025)).toBe(0);
    expect(count("FIRST_PERMITS", 2023)).toBeUndefined();
    expect(count("RETURNED", 2024)).toBeUndefined();
    expect(cells.some((c) => c.year > 2025)).toBe(false);
  });

  it("adds up along every line of every table", () => expectLinesAddUp(cells));

  it("adds up on a generated world too, with every indicator present", () => {
    const generated = aggregateWorld(generateWorld({ persons: 400, seed: 11 }));
    expectLinesAddUp(generated);
    const codes = new Set(generated.map((c) => c.indicatorCode));
    expect(INDICATORS.filter((i) => !codes.has(i.code)).map((i) => i.code)).toEqual([]);
  });

  it("refuses records of unknown persons", () => {
    const refusal = {
      id: "R9",
      personRef: "nobody",
      crossingPointCode: "EVN",
      refusedOn: "2024-01-01",
      reason: "A" as const,
    };
    const broken = { ...world, entryRefusals: [{ ...refusal, ...kept }] };
    expect(() => aggregateWorld(broken)).toThrow("unknown person nobody");
  });
});

describe("ageGroupAt", () => {
  it("counts whole years lived on the date of the event", () => {
    expect(ageGroupAt("2006-03-10", "2024-03-09")).toBe(AgeGroup.Y0_17);
    expect(ageGroupAt("2006-03-10", "2024-03-10")).toBe(AgeGroup.Y18_34);
    expect(ageGroupAt("1990-01-01", "2024-12-31")).toBe(AgeGroup.Y18_34);
    expect(ageGroupAt("1959-06-01", "2024-06-01")).toBe(AgeGroup.Y65_MAX);
  });
});
