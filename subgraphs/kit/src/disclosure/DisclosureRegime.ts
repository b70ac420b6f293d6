/**
 * The disclosure-control regimes of POLICY-RULES.md ("Statistical disclosure control"). A table is
 * served with the name of its regime, so a reader knows which thresholds and rounding apply.
 */
import type { DataCategory } from "@hub/contracts";

/** STANDARD: threshold 5, strict cells 10, exact values. STRICT: threshold 10, values rounded to 5. */
export type DisclosureRegime = "STANDARD" | "STRICT";

export interface RegimeRules {
  /** A cell whose count is below this is suppressed (zero included). */
  readonly threshold: number;
  /** The threshold for cells with a strict code (persons under 18). */
  readonly strictThreshold: number;
  /** Served values are rounded to the nearest multiple of this; null: served exactly. */
  readonly roundingBase: number | null;
}

export function regimeRules(regime: DisclosureRegime): RegimeRules {
  switch (regime) {
    case "STANDARD":
      return { threshold: 5, strictThreshold: 10, roundingBase: null };
    case "STRICT":
      return { threshold: 10, strictThreshold: 10, roundingBase: 5 };
  }
}

/** The regime for counts of records of a category: asylum and trafficking counts are STRICT. */
export function regimeFor(category: DataCategory): DisclosureRegime {
  return category === "ASYLUM" || category === "TRAFFICKING" ? "STRICT" : "STANDARD";
}

/** Nearest multiple of `base`; halves round up (12.5 -> 15), as Math.round does. */
export function roundToBase(count: number, base: number): number {
  return Math.round(count / base) * base;
}
