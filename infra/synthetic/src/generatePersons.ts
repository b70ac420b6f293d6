/** Generates the synthetic population: identity, citizenship, age, and guardians of minors. */
import { type Day, addYears, formatDay } from "./dates";
import { type NameGroup, familyName, familyNameForSex, givenName, nameGroupFor } from "./names";
import { personRefFor } from "./personRef";
import { type Rng, type Weighted, at } from "./random";
import { type PersonSeed, type WorldClock, retainUntil } from "./records";
import { CITIZENSHIP_WEIGHTS, HOME_COUNTRY } from "./reference";
import type { Sex } from "./types";

/** Nationalities that come mostly as (predominantly male, working-age) labour migrants. */
const LABOUR_ORIGINS = new Set(["IN", "PK", "BD", "LK", "CN", "UZ", "TJ", "KG", "NG", "CM", "EG", "ET"]);

/** Age brackets [from, to, weight]: about 17 % minors overall, few children among labour migrants. */
const AGES: Weighted<readonly [number, number]> = [
  [[0, 17], 18],
  [[18, 29], 21],
  [[30, 44], 27],
  [[45, 64], 24],
  [[65, 85], 10],
];
const LABOUR_AGES: Weighted<readonly [number, number]> = [
  [[0, 17], 6],
  [[18, 29], 38],
  [[30, 44], 40],
  [[45, 64], 15],
  [[65, 85], 1],
];

/** Second citizenship of dual nationals: diaspora countries for Armenians, Armenia for everyone else. */
const SECOND_OF_NATIONALS: Weighted<string> = [
  ["RU", 40],
  ["US", 18],
  ["FR", 10],
  ["GE", 6],
  ["IR", 6],
  ["SY", 6],
  ["LB", 5],
  ["CA", 5],
  ["DE", 4],
];

/** Birth abroad of Armenian citizens: repatriates and families from the diaspora communities. */
const BIRTH_ABROAD_OF_NATIONALS: Weighted<string> = [
  ["RU", 40],
  ["GE", 15],
  ["IR", 12],
  ["SY", 15],
  ["LB", 6],
  ["UA", 6],
  ["IQ", 3],
  ["US", 3],
];

/** Countries with old Armenian communities, whose citizens often carry Armenian names. */
const DIASPORA = new Set(["SY", "IQ", "IR", "LB", "GE", "RU", "UA", "FR", "US"]);

/** Guardians are registered for about this share of minors, when an adult of the same citizenship exists. */
const GUARDIAN_SHARE = 0.7;
const MIN_MINORS_WITH_GUARDIAN = 3;

/**
 * 10-digit national ids, unique and random-looking: an affine map i -> (a*i + b) mod 9e9 is a
 * bijection because a is coprime to 9e9 (= 2^9 * 3^2 * 5^9), so no set of used ids is needed.
 */
function nationalIdFor(index: number, offset: number): string {
  const a = 2_654_435_761;
  return String(1_000_000_000 + ((a * index + offset) % 9_000_000_000));
}

export function generatePersons(rng: Rng, count: number, clock: WorldClock, key: string): PersonSeed[] {
  const offset = rng.int(0, 8_999_999_999);
  const persons: PersonSeed[] = [];
  for (let index = 0; index < count; index++) persons.push(person(rng, clock, key, index, offset));
  assignGuardians(rng, persons, clock);
  return persons;
}

function person(rng: Rng, clock: WorldClock, key: string, index: number, offset: number): PersonSeed {
  const primary = rng.weighted(CITIZENSHIP_WEIGHTS);
  const citizenships = [primary];
  if (rng.chance(0.05)) citizenships.push(secondCitizenship(rng, primary));
  const national = citizenships.includes(HOME_COUNTRY);
  const labour = LABOUR_ORIGINS.has(primary);
  const sex: Sex = rng.chance(labour ? 0.64 : primary === HOME_COUNTRY ? 0.47 : 0.5) ? "MALE" : "FEMALE";
  const [fromAge, toAge] = rng.weighted(labour ? LABOUR_AGES : AGES);
  const age = rng.int(fromAge, toAge);
  // Born within the year that makes the person exactly `age` at asOf, and before asOf.
  const birth = rng.day(addYears(clock.asOf, -(age + 1)) + 1, Math.min(addYears(clock.asOf, -age), clock.asOf - 1));
  const nameGroup: NameGroup =
    national || (DIASPORA.has(primary) && rng.chance(0.12)) ? "ARMENIAN" : nameGroupFor(primary);
  const nationalId = nationalIdFor(index, offset);
  return {
    index,
    birth,
    adultFrom: addYears(birth, 18),
    primary,
    national,
    nameGroup,
    guardian: null,
    record: {
      personRef: personRefFor(nationalId, key),
      nationalId,
      familyName: familyNameForSex(familyName(rng, nameGroup), sex),
      givenName: givenName(rng, nameGroup, sex),
      dateOfBirth: formatDay(birth),
      sex,
      citizenships,
      countryOfBirth: countryOfBirth(rng, citizenships),
      guardianPersonRef: null,
      retainUntil: retainUntil(rng, clock, birth),
    },
  };
}

function secondCitizenship(rng: Rng, primary: string): string {
  if (primary !== HOME_COUNTRY && rng.chance(0.6)) return HOME_COUNTRY;
  for (;;) {
    const second = rng.weighted(primary === HOME_COUNTRY ? SECOND_OF_NATIONALS : CITIZENSHIP_WEIGHTS);
    if (second !== primary) return second;
  }
}

function countryOfBirth(rng: Rng, citizenships: readonly string[]): string {
  const [primary, second] = [at(citizenships, 0), citizenships[1]];
  if (second !== undefined && rng.chance(0.4)) return second;
  if (rng.chance(0.92)) return primary;
  const abroad = rng.weighted(primary === HOME_COUNTRY ? BIRTH_ABROAD_OF_NATIONALS : CITIZENSHIP_WEIGHTS);
  return abroad === HOME_COUNTRY && primary !== HOME_COUNTRY ? primary : abroad;
}

/**
 * Registers a guardian of the same primary citizenship for most minors, preferring adults of
 * parental age; the minor takes the guardian's family name. Buckets by citizenship keep this
 * linear in the population size.
 */
function assignGuardians(rng: Rng, persons: readonly PersonSeed[], clock: WorldClock): void {
  const adultsByCitizenship = new Map<string, PersonSeed[]>();
  for (const p of persons) {
    if (p.adultFrom > clock.asOf) continue;
    const bucket = adultsByCitizenship.get(p.primary);
    if (bucket) bucket.push(p);
    else adultsByCitizenship.set(p.primary, [p]);
  }
  let assigned = 0;
  for (const minor of persons) {
    if (minor.adultFrom <= clock.asOf) continue;
    const adults = adultsByCitizenship.get(minor.primary);
    if (!adults || !(rng.chance(GUARDIAN_SHARE) || assigned < MIN_MINORS_WITH_GUARDIAN)) continue;
    const guardian = parentalAdult(rng, adults, minor.birth);
    minor.guardian = guardian;
    minor.record.guardianPersonRef = guardian.record.personRef;
    minor.record.familyName = familyNameForSex(guardian.record.familyName, minor.record.sex);
    if (guardian.nameGroup !== minor.nameGroup) {
      minor.nameGroup = guardian.nameGroup;
      minor.record.givenName = givenName(rng, guardian.nameGroup, minor.record.sex);
    }
    assigned++;
  }
}

/** An adult 18 to 50 years older than the child if a few draws find one, otherwise any adult. */
function parentalAdult(rng: Rng, adults: readonly PersonSeed[], childBirth: Day): PersonSeed {
  let candidate = rng.pick(adults);
  for (let attempt = 0; attempt < 8; attempt++) {
    if (candidate.birth <= addYears(childBirth, -18) && candidate.birth >= addYears(childBirth, -50)) break;
    candidate = rng.pick(adults);
  }
  return candidate;
}
