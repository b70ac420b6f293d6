/**
 * The source aggregates the Border Police and the Migration Service serve (issue #10's profile
 * contract): per indicator code, its agency, the regime it is protected under, and whether it has
 * a place (REGION) and a classification (BREAKDOWN). An indicator definition of the Statistics
 * Office may only name an indicator listed here, with the same regime.
 */
import type { Agency } from "../vocabulary";
import type { DisclosureRegimeName } from "./statisticalCodes";

export interface SourceIndicator {
  agency: Extract<Agency, "BORDER_POLICE" | "MIGRATION_SERVICE">;
  regime: DisclosureRegimeName;
  /** The source records a place: the table has a [SEX, REGION] cube. */
  region: boolean;
  /** The indicator has a classification of its own: the table has a [SEX, BREAKDOWN] cube. */
  breakdown: boolean;
}

const bp = (region: boolean, breakdown: boolean): SourceIndicator => ({
  agency: "BORDER_POLICE",
  regime: "STANDARD",
  region,
  breakdown,
});
const ms = (regime: DisclosureRegimeName, region: boolean, breakdown: boolean): SourceIndicator => ({
  agency: "MIGRATION_SERVICE",
  regime,
  region,
  breakdown,
});

export const SOURCE_INDICATORS = {
  CROSSINGS: bp(true, true),
  REFUSALS_OF_ENTRY: bp(true, true),
  ENTRY_BANS: bp(false, true),
  DEPORTEES_SCREENED: bp(true, true),
  RETURNING_NATIONALS: bp(true, false),
  FIRST_PERMITS: ms("STANDARD", true, true),
  ASYLUM_FIRST_TIME_APPLICANTS: ms("STRICT", false, false),
  ASYLUM_FIRST_INSTANCE_DECISIONS: ms("STRICT", false, true),
  ORDERS_TO_LEAVE: ms("STANDARD", false, true),
  RETURNS: ms("STANDARD", false, false),
  TRAFFICKING_VICTIMS: ms("STRICT", true, true),
} as const satisfies Record<string, SourceIndicator>;
export type SourceIndicatorCode = keyof typeof SOURCE_INDICATORS;

export function isSourceIndicatorCode(value: string): value is SourceIndicatorCode {
  return Object.hasOwn(SOURCE_INDICATORS, value);
}

/** The root field of the gateway's schema that serves an agency's source tables. */
export const SOURCE_STATISTICS_FIELDS = {
  BORDER_POLICE: "borderPoliceStatistics",
  MIGRATION_SERVICE: "migrationServiceStatistics",
} as const satisfies Record<SourceIndicator["agency"], string>;
