/**
 * Counts a synthetic world's records into the cells of every indicator's yearly table: each
 * event adds one to its own cell and to every margin above it (TOTAL sex, TOTAL age, all
 * citizenships). Records past their retention date still count (R5-4 allows aggregates).
 */
import { HOME_COUNTRY, type SyntheticWorld } from "@hub/synthetic";
import type { RawCell } from "./disclosureControl";
import { AGE_GROUPS, AgeGroup, SEXES, Sex } from "./enums";
import { INDICATORS } from "./indicators";

export type AggregationInput = Pick<
  SyntheticWorld,
  | "asOf"
  | "countries"
  | "persons"
  | "residencePermits"
  | "asylumApplications"
  | "entryRefusals"
  | "entryBans"
  | "returnDecisions"
  | "traffickingCases"
  | "crossings"
  | "deporteeScreenings"
>;

export interface CellCount extends RawCell {
  indicatorCode: string;
  year: number;
}

type CountEvent = (indicatorCode: string, date: string, personRef: string) => void;

const POSITIVE_OUTCOMES = new Set(["REFUGEE_STATUS", "SUBSIDIARY_PROTECTION", "HUMANITARIAN_STATUS"]);

/**
 * The cells of each indicator for every year from its first event to the world's `asOf` year
 * (before the first event there are no records, which is not the same as a count of zero), each
 * table complete: every sex x age group x citizenship of the code list, zeros included, so a
 * table's lines always add up and disclosure control sees the whole table.
 */
export function aggregateWorld(world: AggregationInput): CellCount[] {
  const persons = new Map(world.persons.map((p) => [p.personRef, p]));
  const countryCodes = world.countries.map((c) => c.code).sort();
  const known = new Set(countryCodes);
  const indicatorCodes = new Set(INDICATORS.map((i) => i.code));
  const counts = new Map<string, number>();
  /** First year with an event, per indicator: its series starts there. */
  const firstYears = new Map<string, number>();
  let lastYear = Number(world.asOf.slice(0, 4));

  const personOf = (personRef: string) => {
    const person = persons.get(personRef);
    if (!person) throw new Error(`record refers to unknown person ${personRef}`);
    return person;
  };
  const count: CountEvent = (indicatorCode, date, personRef) => {
    if (!indicatorCodes.has(indicatorCode)) throw new Error(`not a published indicator: ${indicatorCode}`);
    const person = personOf(personRef);
    const citizenship = person.citizenships[0];
    if (citizenship === undefined || !known.has(citizenship)) {
      throw new Error(`citizenship ${String(citizenship)} of ${personRef} is not in the country list`);
    }
    const year = Number(date.slice(0, 4));
    firstYears.set(indicatorCode, Math.min(firstYears.get(indicatorCode) ?? year, year));
    lastYear = Math.max(lastYear, year);
    const age = ageGroupAt(person.dateOfBirth, date);
    for (const sex of [Sex.TOTAL, person.sex === "FEMALE" ? Sex.FEMALE : Sex.MALE]) {
      for (const ageGroup of [AgeGroup.TOTAL, age]) {
        for (const c of [null, citizenship]) {
          const key = cellKey(indicatorCode, year, sex, ageGroup, c);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  };
  countEvents(world, count, (personRef) => !personOf(personRef).citizenships.includes(HOME_COUNTRY));

  const cells: CellCount[] = [];
  for (const { code } of INDICATORS) {
    const firstYear = firstYears.get(code);
    if (firstYear === undefined) continue;
    for (let year = firstYear; year <= lastYear; year++) {
      for (const citizenshipCode of [null, ...countryCodes]) {
        for (const sex of SEXES) {
          for (const ageGroup of AGE_GROUPS) {
            const rawCount = counts.get(cellKey(code, year, sex, ageGroup, citizenshipCode)) ?? 0;
            cells.push({ indicatorCode: code, year, sex, ageGroup, citizenshipCode, rawCount });
          }
        }
      }
    }
  }
  return cells;
}

/** Which record is an event of which indicator, and on which date (its year is the period). */
function countEvents(world: AggregationInput, count: CountEvent, isForeigner: (personRef: string) => boolean): void {
  for (const p of world.residencePermits) if (p.firstPermit) count("FIRST_PERMITS", p.issuedOn, p.personRef);
  for (const a of world.asylumApplications) {
    if (a.firstTime) count("ASYLUM_FIRST_TIME_APPLICANTS", a.lodgedOn, a.personRef);
    if (a.decidedOn === null) continue;
    count("ASYLUM_DECISIONS", a.decidedOn, a.personRef);
    if (POSITIVE_OUTCOMES.has(a.outcome)) count("ASYLUM_POSITIVE_DECISIONS", a.decidedOn, a.personRef);
  }
  for (const r of world.entryRefusals) count("REFUSED_ENTRY", r.refusedOn, r.personRef);
  for (const d of world.returnDecisions) {
    count("ORDERED_TO_LEAVE", d.issuedOn, d.personRef);
    if (d.returnedOn !== null) count("RETURNED", d.returnedOn, d.personRef);
  }
  for (const t of world.traffickingCases) count("VICTIMS_OF_TRAFFICKING", t.identifiedOn, t.personRef);
  for (const c of world.crossings) {
    if (c.direction === "ENTRY" && isForeigner(c.personRef)) count("ENTRIES", c.crossedAt.slice(0, 10), c.personRef);
  }
  for (const b of world.entryBans) count("ENTRY_BANS", b.issuedOn, b.personRef);
  for (const s of world.deporteeScreenings) {
    count("RETURNED_NATIONALS", s.screenedOn, s.personRef);
    if (s.healthNeeds !== null) count("RETURNED_NATIONALS_WITH_HEALTH_NEEDS", s.screenedOn, s.personRef);
  }
}

/** Age band on the date of the event, from `YYYY-MM-DD` dates (whole years lived). */
export function ageGroupAt(dateOfBirth: string, on: string): AgeGroup {
  const beforeBirthday = on.slice(5) < dateOfBirth.slice(5) ? 1 : 0;
  const age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - beforeBirthday;
  if (age < 18) return AgeGroup.Y0_17;
  if (age < 35) return AgeGroup.Y18_34;
  if (age < 65) return AgeGroup.Y35_64;
  return AgeGroup.Y65_MAX;
}

const cellKey = (indicator: string, year: number, sex: Sex, age: AgeGroup, citizenship: string | null) =>
  `${indicator}|${year}|${sex}|${age}|${citizenship ?? ""}`;
