/** Sample design of the household migration survey: strata, their population sizes, and the allocation. */
import type { SurveyStratum } from "./surveyTypes";

/**
 * Households per region (the strata), of plausible size for Armenia (about 890,000 in all, the
 * capital holding some 40 %). Demonstration figures of the right order, not official counts.
 */
export const HOUSEHOLDS_BY_REGION: readonly (readonly [string, number])[] = [
  ["AM-ER", 355_000],
  ["AM-AG", 34_000],
  ["AM-AR", 64_000],
  ["AM-AV", 66_000],
  ["AM-GR", 56_000],
  ["AM-KT", 80_000],
  ["AM-LO", 73_000],
  ["AM-SH", 75_000],
  ["AM-SU", 40_000],
  ["AM-TV", 35_000],
  ["AM-VD", 15_000],
];

/** Sample size at the default world size (3,000 persons), about that of a national migration survey round. */
export const DEFAULT_SURVEY_HOUSEHOLDS = 1500;
const DEFAULT_PERSONS = 3000;
const MIN_SURVEY_HOUSEHOLDS = 100;
/** Every stratum gets at least this many households, so that each has a weight. */
const MIN_PER_STRATUM = 5;
/**
 * Power allocation (Bankier): n_h proportional to N_h^0.7. Between proportional allocation (1),
 * which leaves the small regions a handful of households, and equal allocation (0), which makes
 * national estimates needlessly imprecise. The capital still gets the largest sample.
 */
const ALLOCATION_POWER = 0.7;

/** Households to sample for a world of `persons`: grows with the square root, so it scales gently. */
export function surveySampleSize(persons: number): number {
  return Math.max(MIN_SURVEY_HOUSEHOLDS, Math.round(DEFAULT_SURVEY_HOUSEHOLDS * Math.sqrt(persons / DEFAULT_PERSONS)));
}

/** Splits `households` over the strata (largest remainder), in the order of HOUSEHOLDS_BY_REGION. */
export function allocateSample(households: number): SurveyStratum[] {
  const free = households - MIN_PER_STRATUM * HOUSEHOLDS_BY_REGION.length;
  if (free < 0) throw new Error(`a sample needs at least ${MIN_PER_STRATUM} households per stratum`);
  const powers = HOUSEHOLDS_BY_REGION.map(([, n]) => n ** ALLOCATION_POWER);
  const sum = powers.reduce((a, b) => a + b, 0);
  const exact = powers.map((p) => (p / sum) * free);
  const sampled = exact.map((e) => MIN_PER_STRATUM + Math.floor(e));
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e % 1 }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = households - sampled.reduce((a, b) => a + b, 0);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    sampled[i] = (sampled[i] as number) + 1;
  }
  return HOUSEHOLDS_BY_REGION.map(([region, householdsInPopulation], i) => ({
    region,
    householdsInPopulation,
    householdsSampled: sampled[i] as number,
  }));
}

/**
 * Design weight of a household of the stratum, to four decimals as the survey file stores it.
 * Weights of a stratum then sum to its population within a fraction of a household.
 */
export function designWeight(stratum: SurveyStratum): number {
  return Math.round((stratum.householdsInPopulation / stratum.householdsSampled) * 10_000) / 10_000;
}
