/** Generates the Border Police's entry bans and refusals of entry, which concern foreigners only. */
import { type Day, addYears, formatDay, toDay } from "./dates";
import { type Rng, type Weighted } from "./random";
import { type PersonSeed, type WorldClock, choosePersons, numberChronologically, pad, retainUntil } from "./records";
import { crossingPointWeightsFor } from "./reference";
import type {
  EntryBanGrounds,
  RefusalReason,
  SyntheticEntryBan,
  SyntheticEntryRefusal,
  SyntheticReturnDecision,
} from "./types";

const BAN_SHARE_OF_PERSONS = 0.008;
const REFUSAL_SHARE_OF_PERSONS = 0.015;
const MIN_BANS = 3;
const MIN_REFUSALS = 4;

const BAN_GROUNDS: Weighted<EntryBanGrounds> = [
  ["CRIMINAL_CONVICTION", 30],
  ["PUBLIC_ORDER", 20],
  ["IMMIGRATION_VIOLATION", 50],
];
/** Ban length in years by grounds: longest for crimes, shortest for breaches of immigration rules. */
const BAN_YEARS: Readonly<Record<EntryBanGrounds, readonly [number, number]>> = {
  CRIMINAL_CONVICTION: [5, 10],
  PUBLIC_ORDER: [3, 5],
  IMMIGRATION_VIOLATION: [1, 3],
};

/** Refusal letters without "H" (an alert), which is only recorded against a banned person. */
const REFUSAL_REASONS: Weighted<RefusalReason> = [
  ["A", 12],
  ["B", 6],
  ["C", 22],
  ["D", 3],
  ["E", 20],
  ["F", 6],
  ["G", 14],
  ["I", 8],
  ["J", 3],
];

export interface BorderRecords {
  entryBans: SyntheticEntryBan[];
  entryRefusals: SyntheticEntryRefusal[];
}

export function generateBorderRecords(
  rng: Rng,
  persons: readonly PersonSeed[],
  foreigners: readonly PersonSeed[],
  returns: readonly SyntheticReturnDecision[],
  clock: WorldClock,
): BorderRecords {
  const returnOf = new Map(returns.map((r) => [r.personRef, r]));
  // Bans mostly follow an enforced removal; minors are not banned.
  const banWeight = (p: PersonSeed): number =>
    p.adultFrom > clock.asOf ? 0 : returnOf.get(p.record.personRef)?.status === "ENFORCED" ? 25 : 1;
  const banned = choosePersons(rng, foreigners, banWeight, Math.round(persons.length * BAN_SHARE_OF_PERSONS), MIN_BANS);
  const bans = new Map<PersonSeed, { issued: Day; until: Day }>();
  const entryBans: SyntheticEntryBan[] = banned.map((person) => {
    const removal = returnOf.get(person.record.personRef);
    const grounds = banGrounds(rng, removal);
    const issued = removal?.returnedOn
      ? toDay(removal.returnedOn)
      : rng.day(Math.max(clock.start, person.adultFrom), clock.asOf - 1);
    const [minYears, maxYears] = BAN_YEARS[grounds];
    const until = addYears(issued, rng.int(minYears, maxYears));
    bans.set(person, { issued, until });
    return {
      id: "",
      personRef: person.record.personRef,
      issuedOn: formatDay(issued),
      validUntil: formatDay(until),
      grounds,
      retainUntil: retainUntil(rng, clock, issued),
    };
  });
  numberChronologically(
    entryBans,
    (b) => toDay(b.issuedOn),
    (b, seq) => (b.id = `EB${pad(seq, 8)}`),
  );

  // Banned persons who try to come back are refused under letter H.
  const refusalWeight = (p: PersonSeed): number => (bans.has(p) ? 10 : p.adultFrom > clock.asOf ? 0.2 : 1);
  const refused = choosePersons(
    rng,
    foreigners,
    refusalWeight,
    Math.round(persons.length * REFUSAL_SHARE_OF_PERSONS),
    MIN_REFUSALS,
  );
  const entryRefusals: SyntheticEntryRefusal[] = [];
  for (const person of refused) {
    const times = rng.chance(0.12) ? 2 : 1;
    for (let i = 0; i < times; i++) entryRefusals.push(refusal(rng, person, bans.get(person), clock));
  }
  numberChronologically(
    entryRefusals,
    (r) => toDay(r.refusedOn),
    (r, seq) => (r.id = `ER${pad(seq, 8)}`),
  );
  return { entryBans, entryRefusals };
}

function banGrounds(rng: Rng, removal: SyntheticReturnDecision | undefined): EntryBanGrounds {
  if (removal?.grounds === "CRIMINAL_CONVICTION") return "CRIMINAL_CONVICTION";
  if (removal?.grounds === "PUBLIC_ORDER") return "PUBLIC_ORDER";
  if (removal?.status === "ENFORCED") return "IMMIGRATION_VIOLATION";
  return rng.weighted(BAN_GROUNDS);
}

function refusal(
  rng: Rng,
  person: PersonSeed,
  ban: { issued: Day; until: Day } | undefined,
  clock: WorldClock,
): SyntheticEntryRefusal {
  const alert = ban !== undefined && ban.issued + 1 < clock.asOf;
  const day = alert
    ? rng.day(ban.issued + 1, Math.min(ban.until, clock.asOf - 1))
    : rng.day(Math.max(clock.start, person.birth), clock.asOf - 1);
  return {
    id: "",
    personRef: person.record.personRef,
    crossingPointCode: rng.weighted(crossingPointWeightsFor(person.primary)),
    refusedOn: formatDay(day),
    reason: alert ? "H" : rng.weighted(REFUSAL_REASONS),
    retainUntil: retainUntil(rng, clock, day),
  };
}
