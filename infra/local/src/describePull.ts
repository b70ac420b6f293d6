/** How a profile pull is told: one line per pull, and the exit code of each way it can fail. */
import type { ProfilePullFailure, PullSummary } from "@hub/statistics-office";

/** Beyond this many, indicators without records are counted, not named: the line stays readable. */
const NAMED_SKIPS = 3;

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export const describePull = (s: PullSummary): string =>
  [
    `profile ${s.template} ${s.year}: ${counted(s.indicators, "indicator")}, ${s.cells} cells pulled through the gateway`,
    ` (${counted(s.requestIds.length, "audited request")}, first ${s.requestIds[0] ?? "none"})`,
    s.skipped.length === 0
      ? ""
      : s.skipped.length <= NAMED_SKIPS
        ? `; no table for ${s.skipped.map((k) => k.indicator).join(", ")} (no records that year)`
        : `; ${counted(s.skipped.length, "indicator")} without records that year`,
  ].join("");

/** Exit codes of `npm run profile`, by what the operator does next (docs/statistics.md). */
export function exitCodeOf(failure: ProfilePullFailure | "USAGE"): number {
  switch (failure) {
    case "USAGE":
    case "UNKNOWN_TEMPLATE":
      return 2;
    case "GATEWAY_UNREACHABLE":
    case "GATEWAY_ERROR":
    case "SOURCE_UNAVAILABLE":
    case "STORE_UNAVAILABLE":
      return 3;
    case "REFUSED":
      return 4;
    case "SOURCE_REFUSED_INPUT":
      return 5;
    case "REGIME_MISMATCH":
    case "INVALID_TABLE":
      return 6;
  }
}
