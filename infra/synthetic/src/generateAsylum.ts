/** Generates the Migration Service's asylum applications, with outcomes that drive permits and returns. */
import { type Day, formatDay, toDay } from "./dates";
import { type Rng, type Weighted } from "./random";
import {
  type PersonSeed,
  type WorldClock,
  choosePersons,
  clampDay,
  numberChronologically,
  pad,
  retainUntil,
} from "./records";
import type { AsylumGround, AsylumOutcome, SyntheticAsylumApplication } from "./types";

/** Relative likelihood that a foreigner of this citizenship applies for asylum in Armenia. */
const ASYLUM_PROPENSITY: Readonly<Record<string, number>> = {
  SY: 14,
  IQ: 9,
  AF: 14,
  IR: 1.5,
  UA: 3,
  RU: 0.6,
  LB: 3,
  CM: 3,
  NG: 2,
  ET: 3,
  EG: 1,
  PK: 1,
  BY: 1,
  JO: 0.5,
};
const OTHER_PROPENSITY = 0.03;

/** Origins that every world shows at least once when it has such persons. */
const KEY_ORIGINS = ["SY", "IQ", "IR", "AF", "UA", "RU"];
const ASYLUM_SHARE_OF_FOREIGNERS = 0.04;
const MIN_APPLICANTS = 6;

const OUTCOMES: Weighted<AsylumOutcome> = [
  ["PENDING", 20],
  ["REFUGEE_STATUS", 35],
  ["SUBSIDIARY_PROTECTION", 15],
  ["HUMANITARIAN_STATUS", 5],
  ["REJECTED", 25],
];
const SUBSEQUENT_OUTCOMES: Weighted<AsylumOutcome> = [
  ["PENDING", 45],
  ["REJECTED", 35],
  ["SUBSIDIARY_PROTECTION", 12],
  ["HUMANITARIAN_STATUS", 8],
];

const GROUND_ORDER: readonly AsylumGround[] = [
  "POLITICAL_OPINION",
  "RELIGION",
  "ETHNICITY",
  "NATIONALITY",
  "SEXUAL_ORIENTATION",
  "PARTICULAR_SOCIAL_GROUP",
  "ARMED_CONFLICT",
];
const BASE_GROUNDS: Weighted<AsylumGround> = [
  ["POLITICAL_OPINION", 20],
  ["RELIGION", 12],
  ["ETHNICITY", 14],
  ["NATIONALITY", 6],
  ["SEXUAL_ORIENTATION", 5],
  ["PARTICULAR_SOCIAL_GROUP", 13],
  ["ARMED_CONFLICT", 10],
];
/** What applicants from the main origins most often invoke. */
const GROUNDS_BY_ORIGIN: Readonly<Record<string, Weighted<AsylumGround>>> = {
  SY: [
    ["ARMED_CONFLICT", 60],
    ["ETHNICITY", 15],
    ["RELIGION", 15],
    ["POLITICAL_OPINION", 10],
  ],
  IQ: [
    ["ARMED_CONFLICT", 35],
    ["ETHNICITY", 30],
    ["RELIGION", 25],
    ["POLITICAL_OPINION", 10],
  ],
  UA: [
    ["ARMED_CONFLICT", 80],
    ["NATIONALITY", 10],
    ["POLITICAL_OPINION", 10],
  ],
  IR: [
    ["POLITICAL_OPINION", 40],
    ["RELIGION", 30],
    ["SEXUAL_ORIENTATION", 20],
    ["ETHNICITY", 10],
  ],
  RU: [
    ["POLITICAL_OPINION", 55],
    ["PARTICULAR_SOCIAL_GROUP", 30],
    ["SEXUAL_ORIENTATION", 15],
  ],
  AF: [
    ["ETHNICITY", 35],
    ["POLITICAL_OPINION", 30],
    ["PARTICULAR_SOCIAL_GROUP", 20],
    ["RELIGION", 15],
  ],
};

export interface AsylumResult {
  applications: SyntheticAsylumApplication[];
  /** Persons whose latest decision granted protection, with the decision day. */
  protection: Map<PersonSeed, Day>;
  /** Persons whose latest application was rejected, with the decision day. */
  rejected: { person: PersonSeed; decided: Day }[];
  /** Everyone who applied, decided or not. */
  applicants: Set<PersonSeed>;
}

export function generateAsylum(rng: Rng, foreigners: readonly PersonSeed[], clock: WorldClock): AsylumResult {
  const propensity = (p: PersonSeed): number => ASYLUM_PROPENSITY[p.primary] ?? OTHER_PROPENSITY;
  const applicants = choosePersons(
    rng,
    foreigners,
    propensity,
    Math.round(foreigners.length * ASYLUM_SHARE_OF_FOREIGNERS),
    MIN_APPLICANTS,
    [...KEY_ORIGINS.map((c) => (p: PersonSeed) => p.primary === c), (p) => p.adultFrom > clock.asOf && !p.guardian],
  );
  const outcomes = rng.apportion(OUTCOMES, applicants.length);
  const result: AsylumResult = { applications: [], protection: new Map(), rejected: [], applicants: new Set() };
  applicants.forEach((person, i) => {
    const outcome = outcomes[i] ?? "PENDING";
    const first = application(rng, person, clock, outcome, true, clock.start);
    let latest = first;
    result.applications.push(first.record);
    // Some rejected applicants lodge a subsequent application after the decision.
    if (outcome === "REJECTED" && first.decided !== null && rng.chance(0.12) && first.decided + 60 < clock.asOf) {
      latest = application(rng, person, clock, rng.weighted(SUBSEQUENT_OUTCOMES), false, first.decided + 30);
      result.applications.push(latest.record);
    }
    result.applicants.add(person);
    if (latest.decided === null) return;
    if (latest.record.outcome === "REJECTED") result.rejected.push({ person, decided: latest.decided });
    else result.protection.set(person, latest.decided);
  });
  numberChronologically(
    result.applications,
    (r) => toDay(r.lodgedOn),
    (r, seq, year) => (r.applicationId = `AS-${year}-${pad(seq, 5)}`),
    true,
  );
  return result;
}

interface Generated {
  record: SyntheticAsylumApplication;
  decided: Day | null;
}

function application(
  rng: Rng,
  person: PersonSeed,
  clock: WorldClock,
  outcome: AsylumOutcome,
  firstTime: boolean,
  earliest: Day,
): Generated {
  const from = Math.max(earliest, person.birth);
  // Pending cases were lodged recently; decided ones had time for a decision before asOf.
  const lodged =
    outcome === "PENDING"
      ? rng.day(Math.max(from, clock.asOf - 540), clock.asOf - 1)
      : rng.day(from, Math.max(from, clock.asOf - 90));
  const decided = outcome === "PENDING" ? null : clampDay(lodged + rng.int(60, 540), lodged, clock.asOf - 1);
  const record: SyntheticAsylumApplication = {
    applicationId: "",
    personRef: person.record.personRef,
    lodgedOn: formatDay(lodged),
    firstTime,
    countryOfOrigin: person.primary,
    grounds: grounds(rng, person.primary),
    unaccompaniedMinor: lodged < person.adultFrom && person.guardian === null,
    outcome,
    decidedOn: decided === null ? null : formatDay(decided),
    retainUntil: retainUntil(rng, clock, lodged),
  };
  return { record, decided };
}

function grounds(rng: Rng, origin: string): AsylumGround[] {
  const weights = GROUNDS_BY_ORIGIN[origin] ?? BASE_GROUNDS;
  const chosen = new Set<AsylumGround>([rng.weighted(weights)]);
  if (rng.chance(0.35)) chosen.add(rng.weighted(weights));
  return GROUND_ORDER.filter((g) => chosen.has(g));
}
