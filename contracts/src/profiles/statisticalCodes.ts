/**
 * The code lists every statistical table of the hub speaks (issue #10's profile contract):
 * SDMX-style codes, `_T` the total of each dimension. Source agencies serve their cells in these
 * codes; the Statistics Office stores, serves and exports them as received.
 */

/** The total (margin) code of every dimension. */
export const TOTAL = "_T";
/**
 * SDMX's "unknown": a source adds it to a dimension whose value some counted record lacks (a
 * document without a nationality), so that the parts still add up to the total.
 */
export const UNKNOWN = "_U";

/** Dimensions of a statistical cell, in the order cells and disaggregations are listed. */
export const STATISTICAL_DIMENSIONS = ["SEX", "AGE", "CITIZENSHIP", "REGION", "MONTH", "BREAKDOWN"] as const;
export type StatisticalDimension = (typeof STATISTICAL_DIMENSIONS)[number];

export const SEX_CODES = [TOTAL, "F", "M"] as const;

/**
 * Age bands under 18: 5-year bands up to 14, then 15-17, so that together they make up Y_LT18.
 * A band straddling 18 (15-19) would let anyone compute the 15-17 cell as Y_LT18 minus the bands
 * under 15, a minors' cell no threshold protected.
 */
export const MINOR_AGE_BANDS = ["Y_LT5", "Y5-9", "Y10-14", "Y15-17"] as const;
/** Age bands from 18: 18-19, then 5-year bands from 20; together they make up Y_GE18. */
export const ADULT_AGE_BANDS = [
  "Y18-19",
  "Y20-24",
  "Y25-29",
  "Y30-34",
  "Y35-39",
  "Y40-44",
  "Y45-49",
  "Y50-54",
  "Y55-59",
  "Y60-64",
  "Y65-69",
  "Y70-74",
  "Y75-79",
  "Y_GE80",
] as const;
/** The age bands, youngest first: each age in whole years falls in exactly one. */
export const AGE_BANDS = [...MINOR_AGE_BANDS, ...ADULT_AGE_BANDS] as const;
/** Minors and adults: each the sum of its bands, and together the total. */
export const AGE_BROAD = ["Y_LT18", "Y_GE18"] as const;
export const AGE_CODES = [TOTAL, ...AGE_BANDS, ...AGE_BROAD] as const;
/** Every age code that counts persons under 18 only: under STANDARD their cells take the threshold of 10. */
export const MINOR_AGE_CODES = ["Y_LT18", ...MINOR_AGE_BANDS] as const;

/**
 * The ages (whole years) a band holds, read from its SDMX code: `Y_LT5` is 0 to 4, `Y15-17` is 15
 * to 17, `Y_GE80` is 80 and over (`to` null).
 */
export function ageBandRange(band: string): { from: number; to: number | null } {
  const under = /^Y_LT(\d+)$/.exec(band);
  if (under) return { from: 0, to: Number(under[1]) - 1 };
  const over = /^Y_GE(\d+)$/.exec(band);
  if (over) return { from: Number(over[1]), to: null };
  const range = /^Y(\d+)-(\d+)$/.exec(band);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  throw new Error(`${band} is not an age band`);
}

/**
 * The code of an unknown district of a region that has districts (Yerevan's records without one):
 * a part of that region's line, as `_U` is a part of the country's, so the region still adds up.
 */
export function unknownDistrictOf(region: string): string {
  return `${region}-${UNKNOWN}`;
}

export const MONTH_CODES = [TOTAL, "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;

/** What one unit of an indicator counts. */
export const STATISTICAL_UNITS = ["PERSONS", "PERMITS", "DECISIONS", "CROSSINGS", "CASES"] as const;
export type StatisticalUnit = (typeof STATISTICAL_UNITS)[number];

/**
 * Disclosure-control regime a table was protected under, published beside it: STANDARD
 * (threshold 5, 10 for cells of minors), STRICT (threshold 10, values rounded to 5).
 */
export const DISCLOSURE_REGIMES = ["STANDARD", "STRICT"] as const;
export type DisclosureRegimeName = (typeof DISCLOSURE_REGIMES)[number];

/** What disclosure control did to a served cell. */
export const CELL_FLAGS = ["NONE", "ROUNDED", "SUPPRESSED"] as const;
export type CellFlag = (typeof CELL_FLAGS)[number];
