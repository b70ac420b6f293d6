/**
 * The code lists of the SDMX structure, built from the same lists the Statistics Office seeds
 * and the sources code their cells in: the contract's codes, the countries and regions of the
 * synthetic world, and the indicator definitions of contracts/profiles.
 */
import {
  AGE_CODES,
  STATISTICAL_UNITS,
  TOTAL,
  UNKNOWN,
  unknownDistrictOf,
  type IndicatorDefinition,
  type ProfileDefinitions,
} from "@hub/contracts";
import type { ReferenceCountry, ReferenceRegion } from "@hub/contracts";
import { CONF_STATUS, GEO_TOTAL, OBS_STATUS } from "./sdmxStructure";

export interface SdmxCode {
  id: string;
  name: string;
  parent?: string;
}

export interface SdmxCodelist {
  id: string;
  name: string;
  codes: SdmxCode[];
}

export interface CodelistSources {
  countries: readonly ReferenceCountry[];
  regions: readonly ReferenceRegion[];
  indicators: ProfileDefinitions["indicators"];
}

const total: SdmxCode = { id: TOTAL, name: "Total" };
/** Where a source counted records that lack the dimension's value. */
const unknown: SdmxCode = { id: UNKNOWN, name: "Unknown" };

export function sdmxCodelists(sources: CodelistSources): SdmxCodelist[] {
  const country = sources.countries.find((c) => c.code === GEO_TOTAL);
  if (!country) throw new Error(`the country list has no ${GEO_TOTAL}, the country of the regions`);
  return [
    {
      id: "CL_FREQ",
      name: "Frequency",
      codes: [
        { id: "A", name: "Annual" },
        { id: "M", name: "Monthly" },
      ],
    },
    {
      id: "CL_MIGR_INDICATOR",
      name: "Migration profile indicators",
      codes: sources.indicators.map((i) => ({ id: i.code, name: i.name })),
    },
    {
      id: "CL_SEX",
      name: "Sex",
      codes: [total, { id: "F", name: "Female" }, { id: "M", name: "Male" }, unknown],
    },
    { id: "CL_AGE", name: "Age group (age on the date of the event)", codes: [...AGE_CODES.map(ageCode), unknown] },
    {
      id: "CL_CITIZENSHIP",
      name: "Citizenship (ISO 3166-1 alpha-2; the first citizenship)",
      codes: [total, ...sources.countries.map((c) => ({ id: c.code, name: c.name })), unknown],
    },
    {
      id: "CL_GEO",
      name: `Geography: ${country.name}, its regions (ISO 3166-2) and districts`,
      codes: [
        { id: country.code, name: country.name },
        ...sources.regions.map((r) => ({ id: r.code, name: r.name, parent: r.parent ?? country.code })),
        ...unknownDistricts(sources.regions),
        { ...unknown, parent: country.code },
      ],
    },
    {
      id: "CL_BREAKDOWN",
      name: "Classifications of the indicators",
      codes: [total, ...breakdownCodes(sources.indicators), unknown],
    },
    {
      id: "CL_OBS_STATUS",
      name: "Observation status (after SDMX CL_OBS_STATUS; R is the hub's own)",
      codes: [
        { id: OBS_STATUS.NONE, name: "Normal value" },
        { id: OBS_STATUS.ROUNDED, name: "Rounded to the nearest 5 by disclosure control" },
        { id: OBS_STATUS.SUPPRESSED, name: "Missing value; suppressed" },
      ],
    },
    {
      id: "CL_CONF_STATUS",
      name: "Confidentiality status (after SDMX CL_CONF_STATUS)",
      codes: [
        { id: CONF_STATUS.NONE, name: "Free" },
        { id: CONF_STATUS.SUPPRESSED, name: "Confidential statistical information" },
      ],
    },
    {
      id: "CL_UNIT_MEASURE",
      name: "Unit of measure",
      codes: STATISTICAL_UNITS.map((u) => ({ id: u, name: u.charAt(0) + u.slice(1).toLowerCase() })),
    },
  ];
}

/** Where a source counted records of a region with districts that lack their district. */
function unknownDistricts(regions: readonly ReferenceRegion[]): SdmxCode[] {
  return regions
    .filter((r) => r.parent === null && regions.some((d) => d.parent === r.code))
    .map((r) => ({ id: unknownDistrictOf(r.code), name: `${r.name}: district unknown`, parent: r.code }));
}

function ageCode(code: string): SdmxCode {
  if (code === TOTAL) return total;
  const under = /^Y_LT(\d+)$/.exec(code);
  if (under) return { id: code, name: `Less than ${under[1]} years` };
  const over = /^Y_GE(\d+)$/.exec(code);
  if (over) return { id: code, name: `${over[1]} years or over` };
  const band = /^Y(\d+)-(\d+)$/.exec(code);
  if (band) return { id: code, name: `From ${band[1]} to ${band[2]} years` };
  throw new Error(`no name for the age code ${code}`);
}

/**
 * One code list for every indicator's classification: a code two classifications share (such as
 * CRIMINAL_CONVICTION) is one code, and must be named alike in both.
 */
function breakdownCodes(indicators: readonly IndicatorDefinition[]): SdmxCode[] {
  const codes = new Map<string, SdmxCode>();
  for (const indicator of indicators) {
    for (const { code, name } of indicator.breakdown?.codes ?? []) {
      const seen = codes.get(code);
      if (seen && seen.name !== name) {
        throw new Error(`breakdown code ${code} is "${seen.name}" in one indicator and "${name}" in ${indicator.code}`);
      }
      codes.set(code, { id: code, name });
    }
  }
  return [...codes.values()];
}
