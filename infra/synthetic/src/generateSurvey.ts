/**
 * The Statistics Office's household migration survey: a sample of households stratified by
 * region, with design weights, each household's roster, its members' spells abroad, the
 * remittances it received and what it expects of members abroad. Nothing in it refers to the
 * world's persons: a survey samples households, not register entries, and its codes are random.
 */
import { type Day, formatDay, toDay, yearOf } from "./dates";
import type { Rng, Weighted } from "./random";
import { allocateSample, designWeight, surveySampleSize } from "./surveyDesign";
import { migrationHistory, returnIntention } from "./surveyMigration";
import { householdRoster } from "./surveyRoster";
import type {
  RemittanceBand,
  SyntheticMigrationEpisode,
  SyntheticSurvey,
  SyntheticSurveyHousehold,
  SyntheticSurveyMember,
} from "./surveyTypes";

/** Crockford's base32: no I, L, O or U, so codes read back without confusion. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 9;

/** Households with a labour migrant abroad send most money home. */
const BANDS_FROM_WORKER: Weighted<RemittanceBand> = [
  ["USD_LT500", 10],
  ["USD500-1999", 30],
  ["USD2000-4999", 40],
  ["USD_GE5000", 20],
];
const BANDS_OTHERWISE: Weighted<RemittanceBand> = [
  ["USD_LT500", 40],
  ["USD500-1999", 35],
  ["USD2000-4999", 18],
  ["USD_GE5000", 7],
];

/** The survey of a world of `persons` as of `asOf` (YYYY-MM-DD); the sample grows gently with the world. */
export function generateSurvey(rng: Rng, persons: number, asOf: string): SyntheticSurvey {
  const year = fieldworkYear(toDay(asOf));
  const strata = allocateSample(surveySampleSize(persons));
  const codes = new Set<string>();
  const code = (prefix: string) => uniqueCode(rng, prefix, codes);
  const households: SyntheticSurveyHousehold[] = [];
  for (const stratum of strata) {
    const weight = designWeight(stratum);
    for (let i = 0; i < stratum.householdsSampled; i++) {
      households.push(household(rng, code, stratum.region, weight, year));
    }
  }
  return { year, strata, households };
}

/** Fieldwork runs from March to September: of the asOf year when it is over by then, else of the year before. */
function fieldworkYear(asOf: Day): number {
  const year = yearOf(asOf);
  return asOf > toDay(`${year}-09-30`) ? year : year - 1;
}

function household(
  rng: Rng,
  code: (prefix: string) => string,
  region: string,
  weight: number,
  year: number,
): SyntheticSurveyHousehold {
  const members: SyntheticSurveyMember[] = householdRoster(rng).map((entry, i) => {
    const episodes = migrationHistory(rng, entry, region, year);
    const current = currentEpisode(episodes);
    return {
      memberId: code("HM"),
      lineNumber: i + 1,
      ...entry,
      episodes,
      intendsToReturn: current ? returnIntention(rng, current) : null,
    };
  });
  const remittanceBand = remittances(rng, members, year);
  return {
    householdId: code("HH"),
    region,
    weight,
    interviewedOn: formatDay(rng.day(toDay(`${year}-03-01`), toDay(`${year}-09-30`))),
    receivesRemittances: remittanceBand !== null,
    remittanceBand,
    members,
  };
}

function currentEpisode(episodes: readonly SyntheticMigrationEpisode[]): SyntheticMigrationEpisode | undefined {
  const last = episodes[episodes.length - 1];
  return last?.returnYear === null ? last : undefined;
}

/** The band of the remittances received in the last 12 months, or null for none. */
function remittances(rng: Rng, members: readonly SyntheticSurveyMember[], year: number): RemittanceBand | null {
  const abroad = members.map((m) => currentEpisode(m.episodes)).filter((e) => e !== undefined);
  const worker = abroad.some((e) => e.reason === "WORK");
  const recentlyBack = members.some((m) => m.episodes.some((e) => e.returnYear !== null && e.returnYear >= year - 1));
  // Households without anyone abroad still get money from relatives who are not members.
  const chance = worker ? 0.85 : abroad.length > 0 ? 0.5 : recentlyBack ? 0.25 : 0.07;
  if (!rng.chance(chance)) return null;
  return rng.weighted(worker ? BANDS_FROM_WORKER : BANDS_OTHERWISE);
}

function uniqueCode(rng: Rng, prefix: string, taken: Set<string>): string {
  for (;;) {
    let text = prefix;
    for (let i = 0; i < CODE_LENGTH; i++) text += CODE_ALPHABET.charAt(rng.int(0, CODE_ALPHABET.length - 1));
    if (!taken.has(text)) {
      taken.add(text);
      return text;
    }
  }
}
