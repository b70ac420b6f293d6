/** Generates the Migration Service's residence permits: chains of 1-3 consecutive permits per holder. */
import { type Day, addYears, formatDay, toDay } from "./dates";
import { employerName } from "./names";
import { type Rng, type Weighted, at } from "./random";
import { type PersonSeed, type WorldClock, choosePersons, numberChronologically, pad, retainUntil } from "./records";
import type { PermitType, SyntheticResidencePermit } from "./types";
import type { AsylumResult } from "./generateAsylum";

const PERMIT_SHARE_OF_FOREIGNERS = 0.3;
/** Holders whose first permit is forced into the past, so every world has expired permits. */
const FORCED_EXPIRED = 3;
/** Share of holders still resident at asOf, whose latest permit is valid then. */
const STILL_RESIDENT = 0.55;

const ADULT_TYPES: Weighted<PermitType> = [
  ["REMUNERATED", 38],
  ["FAMILY", 30],
  ["EDUCATION", 14],
  ["OTHER", 10],
];
const STUDENT_AGE_TYPES: Weighted<PermitType> = [
  ["EDUCATION", 45],
  ["REMUNERATED", 30],
  ["FAMILY", 15],
  ["OTHER", 10],
];
const MINOR_TYPES: Weighted<PermitType> = [
  ["FAMILY", 85],
  ["EDUCATION", 15],
];

/** Years of validity by type: temporary permits are annual, permanent ones five-yearly. */
const VALIDITY_YEARS: Readonly<Record<PermitType, number>> = {
  FAMILY: 1,
  EDUCATION: 1,
  REMUNERATED: 1,
  HUMANITARIAN: 2,
  PERMANENT: 5,
  OTHER: 1,
};

export interface PermitResult {
  permits: SyntheticResidencePermit[];
  /** Holders of a permit valid at asOf. */
  validHolders: Set<PersonSeed>;
  /** Holders whose latest permit was revoked. */
  revoked: Set<PersonSeed>;
}

export function generatePermits(
  rng: Rng,
  foreigners: readonly PersonSeed[],
  asylum: AsylumResult,
  clock: WorldClock,
): PermitResult {
  const result: PermitResult = { permits: [], validHolders: new Set(), revoked: new Set() };
  const target = Math.round(foreigners.length * PERMIT_SHARE_OF_FOREIGNERS) - asylum.protection.size;
  // Asylum seekers and rejected applicants rarely hold a residence permit on other grounds.
  const others = new Set(choosePersons(rng, foreigners, (p) => (asylum.applicants.has(p) ? 0.05 : 1), target, 0));
  let forced = 0;
  for (const person of foreigners) {
    const protectedSince = asylum.protection.get(person);
    let chain: Planned[];
    if (protectedSince !== undefined) chain = protectionChain(rng, person, protectedSince, clock);
    else if (others.has(person)) chain = ordinaryChain(rng, person, clock, forced++ < FORCED_EXPIRED);
    else continue;
    addChain(rng, person, chain, clock, result);
  }
  numberChronologically(
    result.permits,
    (p) => toDay(p.issuedOn),
    (p, seq, year) => (p.permitNumber = `RP-${year}-${pad(seq, 6)}`),
    true,
  );
  return result;
}

interface Planned {
  type: PermitType;
  issued: Day;
  validUntil: Day;
}

/** Protection holders get humanitarian permits from the decision on, renewed until asOf. */
function protectionChain(rng: Rng, person: PersonSeed, decided: Day, clock: WorldClock): Planned[] {
  const chain: Planned[] = [];
  let issued = Math.max(decided + rng.int(1, 30), person.birth);
  while (issued < clock.asOf && chain.length < 3) {
    const type: PermitType = chain.length > 0 && rng.chance(0.25) ? "PERMANENT" : "HUMANITARIAN";
    const validUntil = addYears(issued, VALIDITY_YEARS[type]) - 1;
    chain.push({ type, issued, validUntil });
    issued = validUntil + rng.int(-20, 0);
  }
  return chain;
}

/**
 * Other holders: types are chosen forward (study, then work, then permanent residence), dates
 * backward from the last permit, which is valid at asOf for those still resident.
 */
function ordinaryChain(rng: Rng, person: PersonSeed, clock: WorldClock, forceExpired: boolean): Planned[] {
  const count = forceExpired
    ? 1
    : rng.weighted<number>([
        [1, 50],
        [2, 30],
        [3, 20],
      ]);
  const types = [firstType(rng, person, clock.asOf)];
  while (types.length < count) {
    const previous = at(types, types.length - 1);
    const adult = person.adultFrom <= clock.asOf;
    types.push(
      adult && rng.chance(0.2)
        ? "PERMANENT"
        : previous === "EDUCATION" && adult && rng.chance(0.4)
          ? "REMUNERATED"
          : previous,
    );
  }
  const lastValidity = VALIDITY_YEARS[at(types, count - 1)];
  let issued: Day;
  if (forceExpired) issued = rng.day(addYears(clock.asOf, -6), addYears(clock.asOf, -3));
  else if (rng.chance(STILL_RESIDENT)) issued = rng.day(addYears(clock.asOf, -lastValidity) + 1, clock.asOf - 1);
  else issued = rng.day(addYears(clock.start, -3), addYears(clock.asOf, -lastValidity));
  const chain: Planned[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const type = at(types, i);
    // Earlier permits end shortly before the next is issued; none is issued before birth.
    if (issued < person.birth) break;
    chain.unshift({ type, issued, validUntil: addYears(issued, VALIDITY_YEARS[type]) - 1 });
    const before = types[i - 1];
    if (before !== undefined) issued = addYears(issued - rng.int(0, 20), -VALIDITY_YEARS[before]);
  }
  return chain;
}

function firstType(rng: Rng, person: PersonSeed, asOf: Day): PermitType {
  if (person.adultFrom > asOf) return rng.weighted(MINOR_TYPES);
  return rng.weighted(person.birth > addYears(asOf, -30) ? STUDENT_AGE_TYPES : ADULT_TYPES);
}

function addChain(
  rng: Rng,
  person: PersonSeed,
  chain: readonly Planned[],
  clock: WorldClock,
  result: PermitResult,
): void {
  let employer: string | null = null;
  chain.forEach((planned, i) => {
    const last = i === chain.length - 1;
    const revoked = last && rng.chance(0.04);
    const valid = planned.validUntil >= clock.asOf;
    if (planned.type === "REMUNERATED") employer = employer !== null && rng.chance(0.7) ? employer : employerName(rng);
    result.permits.push({
      permitNumber: "",
      personRef: person.record.personRef,
      permitType: planned.type,
      firstPermit: i === 0,
      issuedOn: formatDay(planned.issued),
      validUntil: formatDay(planned.validUntil),
      status: revoked ? "REVOKED" : valid ? "VALID" : "EXPIRED",
      employer: planned.type === "REMUNERATED" ? employer : null,
      // Placed by assignResidences, on its own random stream.
      residenceRegion: "",
      residenceDistrict: null,
      retainUntil: retainUntil(rng, clock, planned.issued),
    });
    if (revoked) result.revoked.add(person);
    else if (valid) result.validHolders.add(person);
  });
}
