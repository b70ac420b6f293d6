/** What an agency serves for one indicator and year (the profile contract), before GraphQL. */
import type { DisclosureFlag, DisclosureRegime } from "../disclosure";

/** What a statistical table counts. */
export type StatisticalUnit = "PERSONS" | "PERMITS" | "DECISIONS" | "CROSSINGS" | "CASES";

export interface StatisticalCell {
  sex: string;
  age: string;
  citizenship: string;
  region: string;
  month: string;
  breakdown: string;
  /** Null when suppressed. */
  value: number | null;
  flag: DisclosureFlag;
}

export interface StatisticalTable {
  indicator: string;
  year: number;
  unit: StatisticalUnit;
  regime: DisclosureRegime;
  /** Each cube as the dimensions it breaks down, in the order served. */
  cubes: string[][];
  cells: StatisticalCell[];
}
