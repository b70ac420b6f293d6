/** Public entry point of the synthetic data generator: every subgraph's seed command and the benchmark use it. */
export * from "./types";
export * from "./surveyTypes";
export { DEFAULT_AS_OF, DEFAULT_PERSONS, DEFAULT_SEED, generateWorld } from "./generateWorld";
export { DEMO_PSEUDONYM_KEY, base32, personRefFor } from "./personRef";
export {
  COUNTRIES,
  CROSSING_POINTS,
  CROSSING_POINT_WEIGHTS,
  CITIZENSHIP_WEIGHTS,
  DEPORTING_COUNTRY_WEIGHTS,
  HOME_COUNTRY,
  REGIONS,
} from "./reference";
export { generateSurvey } from "./generateSurvey";
export { DEFAULT_SURVEY_HOUSEHOLDS, HOUSEHOLDS_BY_REGION, surveySampleSize } from "./surveyDesign";
export { TRAFFICKING_INDICATORS } from "./generateDeporteeScreenings";
export { Rng, type Weighted } from "./random";
export { parseSeedArgs, loadSeedWorld, syntheticSeed } from "./seedArgs";
export type { SeedArgs } from "./seedArgs";
