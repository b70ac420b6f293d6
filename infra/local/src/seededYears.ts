/**
 * The years the first start pulls profiles of: from a synthetic world's first record to the last
 * year complete at its as-of date. The year of the as-of date is under way, and the sources serve
 * a year's tables only once it has ended.
 */
import type { SyntheticWorld } from "@hub/synthetic";

export interface YearRange {
  first: number;
  last: number;
}

export function seededYears(world: SyntheticWorld): YearRange {
  const dates = [
    ...world.crossings.map((r) => r.crossedAt),
    ...world.entryRefusals.map((r) => r.refusedOn),
    ...world.entryBans.map((r) => r.issuedOn),
    ...world.deporteeScreenings.map((r) => r.screenedOn),
    ...world.residencePermits.map((r) => r.issuedOn),
    ...world.asylumApplications.map((r) => r.lodgedOn),
    ...world.returnDecisions.map((r) => r.issuedOn),
    ...world.traffickingCases.map((r) => r.identifiedOn),
  ];
  const last = Number(world.asOf.slice(0, 4)) - 1;
  const first = dates.reduce((min, d) => Math.min(min, Number(d.slice(0, 4))), last);
  return { first, last };
}

export const yearsOf = (range: YearRange): number[] =>
  Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i);
