/** Generates the Border Police's screenings of returned nationals: return reason, trafficking indicators, health. */
import { type Day, formatDay, toDay } from "./dates";
import { type Rng, type Weighted } from "./random";
import { type PersonSeed, type WorldClock, choosePersons, numberChronologically, pad, retainUntil } from "./records";
import { DEPORTING_COUNTRY_WEIGHTS } from "./reference";
import type { ReturnReason, SyntheticDeporteeScreening } from "./types";

const SHARE_OF_PERSONS = 0.02;
const MIN_SCREENINGS = 5;
const INDICATOR_SHARE = 0.1;
const HEALTH_SHARE = 0.15;

/** Indicators of trafficking recorded at screening, in the order the form lists them. */
export const TRAFFICKING_INDICATORS = [
  "DEBT_BONDAGE",
  "DOCUMENTS_WITHHELD",
  "RESTRICTED_MOVEMENT",
  "DECEPTIVE_RECRUITMENT",
  "WAGE_WITHHOLDING",
] as const;

const HEALTH_NEEDS = [
  "Chronic condition, needs continued medication",
  "Injury requiring treatment",
  "Psychological support requested",
  "Pregnancy, needs antenatal care",
  "Tuberculosis treatment to be continued",
  "Dental treatment needed",
];

/** Russia returns labour migrants who overstayed; EU states mostly return rejected asylum seekers. */
const REASONS_FROM_RU: Weighted<ReturnReason> = [
  ["OVERSTAY", 55],
  ["IRREGULAR_ENTRY", 10],
  ["CRIMINAL_CONVICTION", 20],
  ["VOLUNTARY", 10],
  ["ASYLUM_REJECTED", 5],
];
const REASONS_FROM_EU: Weighted<ReturnReason> = [
  ["ASYLUM_REJECTED", 55],
  ["OVERSTAY", 20],
  ["IRREGULAR_ENTRY", 10],
  ["CRIMINAL_CONVICTION", 8],
  ["VOLUNTARY", 7],
];
const REASONS_OTHER: Weighted<ReturnReason> = [
  ["OVERSTAY", 50],
  ["IRREGULAR_ENTRY", 25],
  ["CRIMINAL_CONVICTION", 10],
  ["VOLUNTARY", 15],
];
const EU_STATES = new Set(["DE", "FR", "PL", "BE", "NL", "AT", "SE", "GR", "CZ"]);

export interface ScreeningResult {
  screenings: SyntheticDeporteeScreening[];
  /** Day each screened person was returned (their latest screening). */
  returnedOn: Map<PersonSeed, Day>;
}

export function generateDeporteeScreenings(
  rng: Rng,
  persons: readonly PersonSeed[],
  clock: WorldClock,
): ScreeningResult {
  // Mostly adult nationals, men more often (labour migration); now and then a family's child.
  const weight = (p: PersonSeed): number =>
    (p.national ? 1 : 0.02) * (p.adultFrom > clock.asOf ? 0.15 : p.record.sex === "MALE" ? 1.4 : 1);
  const screened = choosePersons(rng, persons, weight, Math.round(persons.length * SHARE_OF_PERSONS), MIN_SCREENINGS);
  // Exact shares, and at least one screening with indicators, so trafficking referrals always exist.
  const withIndicators = new Set(rng.sample(screened, Math.max(1, Math.round(screened.length * INDICATOR_SHARE))));
  const withHealthNeeds = new Set(rng.sample(screened, Math.round(screened.length * HEALTH_SHARE)));
  const result: ScreeningResult = { screenings: [], returnedOn: new Map() };
  for (const person of screened) {
    const day = rng.day(Math.max(clock.start, person.birth), clock.asOf - 1);
    const deportingCountry = deportingCountryFor(rng, person);
    result.returnedOn.set(person, day);
    result.screenings.push({
      id: "",
      personRef: person.record.personRef,
      crossingPointCode: arrivalPoint(rng, deportingCountry),
      screenedOn: formatDay(day),
      deportingCountry,
      returnReason: rng.weighted(
        deportingCountry === "RU" ? REASONS_FROM_RU : EU_STATES.has(deportingCountry) ? REASONS_FROM_EU : REASONS_OTHER,
      ),
      traffickingIndicators: withIndicators.has(person) ? indicators(rng) : [],
      healthNeeds: withHealthNeeds.has(person) ? rng.pick(HEALTH_NEEDS) : null,
      consentToShare: rng.chance(0.8),
      retainUntil: retainUntil(rng, clock, day),
    });
  }
  numberChronologically(
    result.screenings,
    (s) => toDay(s.screenedOn),
    (s, seq) => (s.id = `DS${pad(seq, 8)}`),
  );
  return result;
}

function deportingCountryFor(rng: Rng, person: PersonSeed): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const country = rng.weighted(DEPORTING_COUNTRY_WEIGHTS);
    if (!person.record.citizenships.includes(country)) return country;
  }
  return "PL";
}

/** Most returns are flights into Zvartnots; removals from Russia and Georgia also come overland. */
function arrivalPoint(rng: Rng, deportingCountry: string): string {
  if (deportingCountry === "GE")
    return rng.weighted([
      ["BGT", 60],
      ["BVR", 25],
      ["GGV", 15],
    ]);
  if (deportingCountry === "RU")
    return rng.weighted([
      ["EVN", 80],
      ["LWN", 8],
      ["BGT", 8],
      ["BVR", 4],
    ]);
  if (deportingCountry === "TR")
    return rng.weighted([
      ["EVN", 80],
      ["BGT", 20],
    ]);
  return "EVN";
}

function indicators(rng: Rng): string[] {
  const chosen = new Set(rng.sample(TRAFFICKING_INDICATORS, rng.int(1, 3)));
  return TRAFFICKING_INDICATORS.filter((i) => chosen.has(i));
}
