/** The roster of one surveyed household: who lives in it, by relationship to the head, sex and age. */
import type { Rng, Weighted } from "./random";
import type { SurveyRelationship } from "./surveyTypes";
import type { Sex } from "./types";

export interface RosterEntry {
  relationship: SurveyRelationship;
  sex: Sex;
  age: number;
}

/** Household size (usual members, those abroad included): about 3.5 on average, as in Armenia. */
const SIZES: Weighted<number> = [
  [1, 14],
  [2, 19],
  [3, 18],
  [4, 20],
  [5, 15],
  [6, 9],
  [7, 5],
];

const HEAD_AGES: Weighted<readonly [number, number]> = [
  [[22, 34], 14],
  [[35, 44], 19],
  [[45, 54], 22],
  [[55, 64], 23],
  [[65, 88], 22],
];
/** People living alone are mostly older, and mostly women. */
const LONE_AGES: Weighted<readonly [number, number]> = [
  [[22, 44], 20],
  [[45, 64], 30],
  [[65, 92], 50],
];

const MAX_AGE = 99;

export function householdRoster(rng: Rng): RosterEntry[] {
  const size = rng.weighted(SIZES);
  if (size === 1) {
    const [from, to] = rng.weighted(LONE_AGES);
    return [{ relationship: "HEAD", sex: rng.chance(0.38) ? "MALE" : "FEMALE", age: rng.int(from, to) }];
  }
  const [from, to] = rng.weighted(HEAD_AGES);
  const head: RosterEntry = { relationship: "HEAD", sex: rng.chance(0.68) ? "MALE" : "FEMALE", age: rng.int(from, to) };
  const roster = [head];
  if (head.age <= 82 && rng.chance(0.8)) roster.push(spouseOf(rng, head));
  if (roster.length < size && head.age <= 58 && rng.chance(0.22)) {
    roster.push({ relationship: "PARENT", sex: rng.chance(0.7) ? "FEMALE" : "MALE", age: parentAge(rng, head.age) });
  }
  while (roster.length < size) roster.push(relative(rng, head.age));
  return roster;
}

/** Husbands are a few years older than their wives, on average. */
function spouseOf(rng: Rng, head: RosterEntry): RosterEntry {
  const gap = rng.int(0, 6);
  const sex: Sex = head.sex === "MALE" ? "FEMALE" : "MALE";
  const age = head.sex === "MALE" ? head.age - gap : head.age + gap;
  return { relationship: "SPOUSE", sex, age: Math.min(MAX_AGE, Math.max(18, age)) };
}

function parentAge(rng: Rng, headAge: number): number {
  return Math.min(MAX_AGE, headAge + rng.int(20, 34));
}

/** A child of the head, or for older heads often a grandchild; now and then another relative. */
function relative(rng: Rng, headAge: number): RosterEntry {
  const sex: Sex = rng.chance(0.52) ? "MALE" : "FEMALE";
  if (rng.chance(0.08)) return { relationship: "OTHER_RELATIVE", sex, age: rng.int(10, 75) };
  if (headAge >= 55 && rng.chance(0.5)) {
    return { relationship: "GRANDCHILD", sex, age: rng.int(0, Math.min(24, headAge - 38)) };
  }
  const youngest = Math.max(0, headAge - 42);
  const oldest = Math.max(youngest, headAge - 18);
  return { relationship: "CHILD", sex, age: rng.int(youngest, oldest) };
}
