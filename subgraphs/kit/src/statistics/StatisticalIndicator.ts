/** How an agency declares one of its statistical indicators: what it counts and from which rows. */
import type { DisclosureRegime } from "../disclosure";
import type { StatisticalUnit } from "./StatisticalTable";

/** How finely the source records a place: its regions, or also Yerevan's districts. */
export type Geography = "REGION" | "DISTRICT";

export interface StatisticalIndicator {
  readonly code: string;
  readonly unit: StatisticalUnit;
  readonly regime: DisclosureRegime;
  /** Codes of the indicator's own classification (permit type, outcome, ...); null when it has none. */
  readonly breakdown: readonly string[] | null;
  /** Null when the source records no place for the event: the table then has no [SEX, REGION] cube. */
  readonly geography: Geography | null;
  /**
   * The regions an event can happen in, when not all of them can (the Border Police's crossing
   * points lie in five). A region where none can is a zero everyone knows: listed, it would be
   * suppressed for nothing and, worse, offered as the complement that hides a small cell.
   */
  readonly regions?: readonly string[];
  /**
   * SQL giving one row per counted event from the agency's own tables, records past retention
   * included (they still count in aggregates, R5-4), not filtered by year. Columns: `event_date`
   * (date), `sex` ('FEMALE', 'MALE' or null), `birth_date` (date or null), `citizenship` (ISO
   * alpha-2 or null), and as the indicator has them `region`, `district` and `breakdown` (text).
   */
  readonly rows: string;
}
