/**
 * The age dimension of the migration statistics (Eurostat codes): 5-year bands and, over the same
 * total, persons under and over 18. Two classifications, so two lines; no line links them, since
 * the band 15-19 straddles 18.
 */
import type { Dimension } from "./TableDefinition";

export const AGE_TOTAL = "TOTAL";
export const AGE_BANDS: readonly string[] = [
  "Y_LT5",
  ...Array.from({ length: 15 }, (_, i) => `Y${5 * (i + 1)}-${5 * (i + 1) + 4}`),
  "Y_GE80",
];
/** Broad age groups; as a cube dimension: `{ dimension: "AGE", codes: BROAD_AGE_GROUPS }`. */
export const BROAD_AGE_GROUPS: readonly string[] = [AGE_TOTAL, "Y_LT18", "Y_GE18"];
/** Every age code that counts persons under 18: their cells take the strict threshold. */
export const MINOR_AGE_CODES: readonly string[] = ["Y_LT18", "Y_LT5", "Y5-9", "Y10-14", "Y15-19"];

/** `total`: the code of all ages; the agencies' tables use the SDMX `_T` of the profile contract. */
export function ageDimension(id = "AGE", total = AGE_TOTAL): Dimension {
  const [, ...broad] = BROAD_AGE_GROUPS;
  return {
    id,
    total,
    codes: [total, ...AGE_BANDS, ...broad],
    lines: [
      { total, parts: AGE_BANDS },
      { total, parts: broad },
    ],
    strictCodes: MINOR_AGE_CODES,
  };
}
