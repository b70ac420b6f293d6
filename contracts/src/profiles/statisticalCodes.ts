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

/** Five-year bands, then the broad classification (minors and adults) over the same total. */
export const AGE_BANDS = [
  "Y_LT5",
  "Y5-9",
  "Y10-14",
  "Y15-19",
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
export const AGE_BROAD = ["Y_LT18", "Y_GE18"] as const;
export const AGE_CODES = [TOTAL, ...AGE_BANDS, ...AGE_BROAD] as const;

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
