/** Words for the codes the cells carry (SDMX-style code lists of the profile contract), for headings and row labels. */
import { TOTAL, UNKNOWN, unknownDistrictOf, type Dimension } from "./profileTables";
import type { Region } from "./queries";

/** What an indicator's region is the region of, by source indicator (the profile contract's "region of"). */
const REGION_OF: Record<string, string> = {
  CROSSINGS: "Region of the crossing point",
  REFUSALS_OF_ENTRY: "Region of the crossing point",
  DEPORTEES_SCREENED: "Region of the crossing point",
  RETURNING_NATIONALS: "Region of the crossing point",
  FIRST_PERMITS: "Region of residence",
  TRAFFICKING_VICTIMS: "Region where identified",
};

const TITLES: Record<Dimension, string> = {
  age: "Age group",
  citizenship: "Citizenship",
  region: "Region",
  month: "Month",
  breakdown: "Breakdown",
};

/** What a row label needs beyond the code: the region code list, and the indicator's own classification. */
export interface LabelContext {
  regions: ReadonlyMap<string, Region>;
  classification?: { name: string; labels: ReadonlyMap<string, string> };
}

export function dimensionTitle(dimension: Dimension, sourceIndicator: string, context?: LabelContext): string {
  if (dimension === "breakdown") return context?.classification?.name ?? TITLES.breakdown;
  if (dimension === "region") return REGION_OF[sourceIndicator] ?? TITLES.region;
  return TITLES[dimension];
}

/** "FAMILY_REUNIFICATION" → "Family reunification"; single letters (refusal reasons A..J) stay as they are. */
export function humanise(code: string): string {
  if (code.length <= 1) return code;
  const words = code.replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function ageLabel(code: string, short: boolean): string {
  const band = /^Y(\d+)-(\d+)$/.exec(code);
  if (band) return `${band[1]}–${band[2]}`;
  const under = /^Y_LT(\d+)$/.exec(code);
  if (under) return short ? `<${under[1]}` : `Under ${under[1]}`;
  const over = /^Y_GE(\d+)$/.exec(code);
  if (over) return short ? `${over[1]}+` : `${over[1]} and over`;
  return code;
}

const MONTHS = {
  long: new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }),
  short: new Intl.DateTimeFormat("en", { month: "short", timeZone: "UTC" }),
};

function monthLabel(code: string, short: boolean): string {
  const month = Number(code);
  if (!Number.isInteger(month) || month < 1 || month > 12) return code;
  return (short ? MONTHS.short : MONTHS.long).format(Date.UTC(2000, month - 1, 1));
}

// The browser's own country names (CLDR): nothing to download, and the code is shown beside them.
const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

function countryLabel(code: string, short: boolean): string {
  if (short) return code;
  try {
    const name = COUNTRY_NAMES.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    // Not a well-formed region code (a source's own code for "unknown", say): show it as it is.
    return code;
  }
}

/** A row's label; `short` for chart axes. Regions are named from the Statistics Office's code list. */
export function codeLabel(dimension: Dimension, code: string, context: LabelContext, short = false): string {
  if (code === TOTAL) return "Total";
  if (code === UNKNOWN) return "Unknown";
  switch (dimension) {
    case "age":
      return ageLabel(code, short);
    case "month":
      return monthLabel(code, short);
    case "citizenship":
      return countryLabel(code, short);
    case "region":
      return context.regions.get(code)?.name ?? unknownDistrictLabel(code, context) ?? code;
    case "breakdown":
      // A one-letter code (refusal reasons A..J) is how the standard form names it: keep it on an axis.
      if (short && code.length <= 2) return code;
      return context.classification?.labels.get(code) ?? humanise(code);
  }
}

/** "Yerevan: district unknown" for the code of a region's records without a district. */
function unknownDistrictLabel(code: string, context: LabelContext): string | null {
  for (const region of context.regions.values()) {
    if (region.parent === null && unknownDistrictOf(region.code) === code) return `${region.name}: district unknown`;
  }
  return null;
}

const UNITS: Record<string, string> = {
  PERSONS: "persons",
  PERMITS: "permits",
  DECISIONS: "decisions",
  CROSSINGS: "crossings",
  CASES: "cases",
};

export function unitWord(unit: string): string {
  return UNITS[unit] ?? unit.toLowerCase();
}

const AGENCIES: Record<string, string> = {
  BORDER_POLICE: "Border Police",
  MIGRATION_SERVICE: "Migration Service",
  STATISTICS_OFFICE: "National Statistics Office",
};

export function agencyName(agency: string): string {
  return AGENCIES[agency] ?? humanise(agency);
}

/** What each disclosure-control regime does at the source (POLICY-RULES, "Statistical disclosure control"). */
const REGIMES: Record<string, string> = {
  STANDARD:
    "counts below 5 (below 10 for ages 0–17) are suppressed, and further cells are suppressed so that no hidden count can be derived from the totals.",
  STRICT:
    "counts below 10 are suppressed, every count is rounded to the nearest 5, and further cells are suppressed so that no hidden count can be derived from the totals.",
};

export function regimeExplanation(regime: string): string {
  return REGIMES[regime] ?? "as the source agency's disclosure-control rules require.";
}

const NUMBER = new Intl.NumberFormat("en");

export function formatCount(value: number): string {
  return NUMBER.format(value);
}
