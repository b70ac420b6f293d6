/**
 * The age dimension of the migration statistics (the profile contract's codes): the bands nest in
 * persons under and over 18, which make up the total. Three lines, one per level, so that any
 * cell a reader could compute from the others is one the lines know of.
 */
import { ADULT_AGE_BANDS, AGE_BANDS, AGE_BROAD, MINOR_AGE_BANDS, MINOR_AGE_CODES } from "@hub/contracts";
import type { Dimension } from "./TableDefinition";

export { AGE_BANDS, MINOR_AGE_CODES };
export const AGE_TOTAL = "TOTAL";
/** Broad age groups; as a cube dimension: `{ dimension: "AGE", codes: BROAD_AGE_GROUPS }`. */
export const BROAD_AGE_GROUPS: readonly string[] = [AGE_TOTAL, ...AGE_BROAD];

/** `total`: the code of all ages; the agencies' tables use the SDMX `_T` of the profile contract. */
export function ageDimension(id = "AGE", total = AGE_TOTAL): Dimension {
  const [minors, adults] = AGE_BROAD;
  return {
    id,
    total,
    codes: [total, ...AGE_BANDS, ...AGE_BROAD],
    lines: [
      { total, parts: AGE_BROAD },
      { total: minors, parts: MINOR_AGE_BANDS },
      { total: adults, parts: ADULT_AGE_BANDS },
    ],
    strictCodes: MINOR_AGE_CODES,
  };
}
