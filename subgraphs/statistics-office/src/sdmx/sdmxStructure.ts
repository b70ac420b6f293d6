/**
 * The SDMX data structure the Statistics Office exports its profiles in: identifiers, the
 * dimensions and attributes in their order, and how a stored cell's codes and flag become SDMX
 * codes. The structure message (contracts/profiles/sdmx) and the SDMX-CSV export both follow it.
 */
import { HOME_COUNTRY, TOTAL, type CellFlag } from "@hub/contracts";

export const SDMX_AGENCY = "HUB";
export const SDMX_VERSION = "1.0";
/** The structure message's `Prepared` date: fixed per version, so that the file is reproducible. */
export const SDMX_VERSION_PREPARED = "2025-11-27T00:00:00Z";
export const DSD_ID = "DSD_MIGRATION_PROFILE";
export const DATAFLOW_ID = "DF_MIGRATION_PROFILE";
export const CONCEPT_SCHEME_ID = "CS_MIGRATION_PROFILE";
/** SDMX-CSV 2.0 `STRUCTURE_ID`: the dataflow, agency and version. */
export const STRUCTURE_ID = `${SDMX_AGENCY}:${DATAFLOW_ID}(${SDMX_VERSION})`;

export interface SdmxComponent {
  id: string;
  name: string;
  codelist: string;
}

/** Dimensions in DSD position order (TIME_PERIOD, the time dimension, comes after them). */
export const SDMX_DIMENSIONS: readonly SdmxComponent[] = [
  { id: "FREQ", name: "Frequency", codelist: "CL_FREQ" },
  { id: "INDICATOR", name: "Migration indicator", codelist: "CL_MIGR_INDICATOR" },
  { id: "SEX", name: "Sex", codelist: "CL_SEX" },
  { id: "AGE", name: "Age group", codelist: "CL_AGE" },
  { id: "CITIZENSHIP", name: "Citizenship", codelist: "CL_CITIZENSHIP" },
  { id: "GEO", name: "Geography: the country, its regions and districts", codelist: "CL_GEO" },
  { id: "BREAKDOWN", name: "The indicator's own classification", codelist: "CL_BREAKDOWN" },
];
export const TIME_DIMENSION = { id: "TIME_PERIOD", name: "Time period" } as const;
export const MEASURE = { id: "OBS_VALUE", name: "Observation value" } as const;
export const SDMX_ATTRIBUTES: readonly SdmxComponent[] = [
  { id: "OBS_STATUS", name: "Observation status", codelist: "CL_OBS_STATUS" },
  { id: "CONF_STATUS", name: "Confidentiality status", codelist: "CL_CONF_STATUS" },
  { id: "UNIT_MEASURE", name: "Unit of measure", codelist: "CL_UNIT_MEASURE" },
];

export const SDMX_CSV_COLUMNS = [
  "STRUCTURE",
  "STRUCTURE_ID",
  "ACTION",
  ...SDMX_DIMENSIONS.map((d) => d.id),
  TIME_DIMENSION.id,
  MEASURE.id,
  ...SDMX_ATTRIBUTES.map((a) => a.id),
] as const;

/**
 * Observation status (after SDMX CL_OBS_STATUS): A normal, Q missing because suppressed; R is the
 * hub's own code for a value rounded to the nearest 5 by disclosure control, which the SDMX list
 * has no code for.
 */
export const OBS_STATUS: Record<CellFlag, string> = { NONE: "A", ROUNDED: "R", SUPPRESSED: "Q" };
/** Confidentiality status (SDMX CL_CONF_STATUS): F free for publication, C confidential. */
export const CONF_STATUS: Record<CellFlag, string> = { NONE: "F", ROUNDED: "F", SUPPRESSED: "C" };

/** The geography's total is the country itself, whose ISO 3166-2 regions the code list holds. */
export const GEO_TOTAL = HOME_COUNTRY;
export const geoCode = (region: string): string => (region === TOTAL ? GEO_TOTAL : region);

/** Annual cells are the year; a month's cells carry FREQ M and the month in TIME_PERIOD. */
export function timeOf(year: number, month: string): { freq: "A" | "M"; period: string } {
  return month === TOTAL ? { freq: "A", period: String(year) } : { freq: "M", period: `${year}-${month}` };
}
