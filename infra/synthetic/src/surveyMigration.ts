/**
 * Migration histories of surveyed household members: Armenian emigration is mostly labour
 * migration of men of working age to Russia, often seasonal and repeated; women, students and
 * families go more often to the EU and the United States.
 */
import type { Rng, Weighted } from "./random";
import type { RosterEntry } from "./surveyRoster";
import type { MigrationReason, ReturnIntention, SyntheticMigrationEpisode } from "./surveyTypes";

/** Spells abroad are counted from independence on. */
const FIRST_YEAR = 1991;

/** Labour migration is highest from the rural north and the Gegharkunik shore, lowest from Yerevan. */
const REGION_PROPENSITY: Readonly<Record<string, number>> = {
  "AM-ER": 0.7,
  "AM-AG": 1.1,
  "AM-AR": 1.0,
  "AM-AV": 1.1,
  "AM-GR": 1.45,
  "AM-KT": 1.0,
  "AM-LO": 1.2,
  "AM-SH": 1.35,
  "AM-SU": 0.9,
  "AM-TV": 1.2,
  "AM-VD": 1.15,
};

const DESTINATIONS: Readonly<Record<MigrationReason, Weighted<string>>> = {
  WORK: [
    ["RU", 74],
    ["KZ", 3],
    ["UA", 2],
    ["US", 5],
    ["DE", 3],
    ["FR", 3],
    ["PL", 2],
    ["CZ", 1],
    ["GR", 1],
    ["ES", 1],
    ["IT", 1],
    ["AE", 3],
    ["GE", 1],
  ],
  STUDY: [
    ["RU", 35],
    ["US", 14],
    ["DE", 15],
    ["FR", 14],
    ["CZ", 4],
    ["IT", 4],
    ["NL", 3],
    ["SE", 2],
    ["GB", 5],
    ["CA", 4],
  ],
  FAMILY: [
    ["RU", 48],
    ["US", 16],
    ["FR", 10],
    ["DE", 7],
    ["BE", 3],
    ["NL", 2],
    ["AT", 2],
    ["ES", 2],
    ["CA", 3],
    ["GE", 4],
    ["UA", 3],
  ],
  OTHER: [
    ["RU", 40],
    ["GE", 12],
    ["US", 10],
    ["FR", 10],
    ["DE", 10],
    ["AE", 8],
    ["IR", 5],
    ["TR", 5],
  ],
};

const INTENTIONS: Readonly<Record<MigrationReason, Weighted<ReturnIntention>>> = {
  WORK: [
    ["YES", 58],
    ["UNDECIDED", 30],
    ["NO", 12],
  ],
  STUDY: [
    ["YES", 40],
    ["UNDECIDED", 40],
    ["NO", 20],
  ],
  FAMILY: [
    ["YES", 15],
    ["UNDECIDED", 30],
    ["NO", 55],
  ],
  OTHER: [
    ["YES", 30],
    ["UNDECIDED", 40],
    ["NO", 30],
  ],
};

/** Chance that a member has ever lived abroad for three months or more. */
function propensity(member: RosterEntry, region: string): number {
  const male = member.sex === "MALE";
  const { age } = member;
  const base =
    age < 15
      ? 0.03
      : age < 20
        ? 0.07
        : age < 30
          ? male
            ? 0.3
            : 0.1
          : age < 60
            ? male
              ? 0.4
              : 0.12
            : male
              ? 0.26
              : 0.07;
  return Math.min(0.9, base * (REGION_PROPENSITY[region] ?? 1));
}

function reasonFor(rng: Rng, member: RosterEntry, ageAtDeparture: number): MigrationReason {
  if (ageAtDeparture < 16) return rng.chance(0.88) ? "FAMILY" : "OTHER";
  const student = ageAtDeparture <= 24 && rng.chance(0.22);
  if (student) return "STUDY";
  const weights: Weighted<MigrationReason> =
    member.sex === "MALE"
      ? [
          ["WORK", 86],
          ["FAMILY", 8],
          ["OTHER", 6],
        ]
      : [
          ["WORK", 44],
          ["FAMILY", 46],
          ["OTHER", 10],
        ];
  return rng.weighted(weights);
}

/** Years abroad: seasonal work in Russia often ends within the year, studies and family moves last longer. */
function yearsAbroad(rng: Rng, reason: MigrationReason, destination: string): number {
  if (reason === "WORK" && destination === "RU")
    return rng.weighted([
      [0, 45],
      [1, 33],
      [2, 12],
      [4, 10],
    ] as const);
  if (reason === "STUDY") return rng.int(1, 5);
  return rng.int(1, 8);
}

/** Chance that the member's latest spell is still going on at the interview. */
function stillAbroadChance(member: RosterEntry, reason: MigrationReason): number {
  if (member.age >= 60) return 0.1;
  return reason === "STUDY" ? 0.5 : reason === "FAMILY" ? 0.45 : 0.33;
}

/** The member's spells abroad up to the survey year, oldest first (none for most members). */
export function migrationHistory(
  rng: Rng,
  member: RosterEntry,
  region: string,
  surveyYear: number,
): SyntheticMigrationEpisode[] {
  if (!rng.chance(propensity(member, region))) return [];
  const birthYear = surveyYear - member.age;
  const earliest = Math.max(FIRST_YEAR, member.age < 16 ? birthYear : birthYear + 16);
  const spells = 1 + rng.geometric(member.sex === "MALE" ? 0.9 : 0.3, 6);
  const episodes: SyntheticMigrationEpisode[] = [];
  let departureYear = rng.int(earliest, surveyYear);
  let previous: SyntheticMigrationEpisode | undefined;
  for (let k = 0; k < spells && departureYear <= surveyYear; k++) {
    const reason = previous && rng.chance(0.8) ? previous.reason : reasonFor(rng, member, departureYear - birthYear);
    const destination =
      previous && previous.reason === reason && rng.chance(0.8)
        ? previous.destination
        : rng.weighted(DESTINATIONS[reason]);
    const back = departureYear + yearsAbroad(rng, reason, destination);
    const last = k === spells - 1;
    if (back > surveyYear || (last && rng.chance(stillAbroadChance(member, reason)))) {
      episodes.push({ destination, departureYear, returnYear: null, reason });
      break;
    }
    previous = { destination, departureYear, returnYear: back, reason };
    episodes.push(previous);
    departureYear = back + 1 + rng.geometric(1, 5);
  }
  return episodes;
}

/** What the household says of a member abroad: will they come back? */
export function returnIntention(rng: Rng, current: SyntheticMigrationEpisode): ReturnIntention {
  return rng.weighted(INTENTIONS[current.reason]);
}
