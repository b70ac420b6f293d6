/**
 * Code lists of the survey's breakdowns (SDMX-style codes, `_T` the total of each, `_O` the
 * rest): each code with its name, the additive lines between them, and how a recorded answer
 * maps to codes. Ages get broad groups (under and over 18) and, nested in them, bands.
 */
import { REGIONS } from "@hub/contracts";
import { SurveyDimension } from "./surveyEnums";

export const TOTAL = "_T";
const OTHER = "_O";

export interface SurveyCode {
  code: string;
  name: string;
}

/** One additive relation: the total's estimate (and respondents) is the sum of the parts'. */
export interface SurveyLine {
  total: string;
  parts: readonly string[];
}

export interface SurveyDimensionCodes {
  dimension: SurveyDimension;
  description: string;
  /** Canonical order, total first: the order of the cells served. */
  codes: readonly SurveyCode[];
  lines: readonly SurveyLine[];
  /** The codes, total excepted, that a recorded answer falls in (for ages, its broad group and its band). */
  classify: (answer: string | number) => readonly string[];
}

const ADULT_AGE = 18;
/**
 * Bands of about 15 years (5-year bands leave most cells below the respondent threshold), cut at
 * 18 so that they nest in the broad groups: a band across 18 (15-29) would make the 15-17 year
 * olds the difference of two served cells, a cell no line protects.
 */
const MINOR_BANDS: readonly (readonly [string, string, number])[] = [
  ["Y_LT15", "Under 15 years", 15],
  ["Y15-17", "15 to 17 years", ADULT_AGE],
];
const ADULT_BANDS: readonly (readonly [string, string, number])[] = [
  ["Y18-29", "18 to 29 years", 30],
  ["Y30-44", "30 to 44 years", 45],
  ["Y45-59", "45 to 59 years", 60],
  ["Y_GE60", "60 years or over", Infinity],
];
const AGE_BANDS = [...MINOR_BANDS, ...ADULT_BANDS];

/** EU member states since 2020 (Eurostat's EU27_2020); the survey's destinations group into them. */
const EU27 = new Set("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "));

const REMITTANCE_BANDS: readonly SurveyCode[] = [
  { code: "USD_LT500", name: "Under 500 US dollars" },
  { code: "USD500-1999", name: "500 to 1,999 US dollars" },
  { code: "USD2000-4999", name: "2,000 to 4,999 US dollars" },
  { code: "USD_GE5000", name: "5,000 US dollars or more" },
];

function flat(
  dimension: SurveyDimension,
  description: string,
  parts: readonly SurveyCode[],
  classify: (answer: string | number) => string,
): SurveyDimensionCodes {
  const known = new Set(parts.map((p) => p.code));
  return {
    dimension,
    description,
    codes: [{ code: TOTAL, name: "Total" }, ...parts],
    lines: [{ total: TOTAL, parts: parts.map((p) => p.code) }],
    classify: (answer) => {
      const code = classify(answer);
      if (!known.has(code)) throw new Error(`${dimension}: no code for the answer ${String(answer)}`);
      return [code];
    },
  };
}

const broadAge = (age: number) => (age < ADULT_AGE ? "Y_LT18" : "Y_GE18");
const ageBand = (age: number) => (AGE_BANDS.find(([, , below]) => age < below) as (typeof AGE_BANDS)[number])[0];

const age: SurveyDimensionCodes = {
  dimension: SurveyDimension.AGE,
  description: "Age in whole years at the interview; for household measures, the head's.",
  codes: [
    { code: TOTAL, name: "Total" },
    { code: "Y_LT18", name: "Under 18 years" },
    { code: "Y_GE18", name: "18 years or over" },
    ...AGE_BANDS.map(([code, name]) => ({ code, name })),
  ],
  // A hierarchy: the bands of all ages add up to the total through the broad groups.
  lines: [
    { total: TOTAL, parts: ["Y_LT18", "Y_GE18"] },
    { total: "Y_LT18", parts: MINOR_BANDS.map(([code]) => code) },
    { total: "Y_GE18", parts: ADULT_BANDS.map(([code]) => code) },
  ],
  classify: (answer) => [broadAge(Number(answer)), ageBand(Number(answer))],
};

const regions = REGIONS.filter((r) => r.parent === null).map((r) => ({ code: r.code, name: r.name }));

export const SURVEY_DIMENSIONS: Readonly<Record<SurveyDimension, SurveyDimensionCodes>> = {
  [SurveyDimension.SEX]: flat(
    SurveyDimension.SEX,
    "Sex of the member; for household measures, the head's.",
    [
      { code: "F", name: "Female" },
      { code: "M", name: "Male" },
    ],
    (answer) => (answer === "FEMALE" ? "F" : answer === "MALE" ? "M" : String(answer)),
  ),
  [SurveyDimension.AGE]: age,
  [SurveyDimension.REGION]: flat(
    SurveyDimension.REGION,
    "Region (ISO 3166-2:AM) the household lives in: the survey's strata. Yerevan's districts are not strata.",
    regions,
    String,
  ),
  [SurveyDimension.DESTINATION]: flat(
    SurveyDimension.DESTINATION,
    "Country of the member's latest spell abroad, grouped.",
    [
      { code: "RU", name: "Russian Federation" },
      { code: "EU27_2020", name: "European Union (27 countries, from 2020)" },
      { code: "US", name: "United States" },
      { code: OTHER, name: "Other countries" },
    ],
    (answer) => (answer === "RU" || answer === "US" ? answer : EU27.has(String(answer)) ? "EU27_2020" : OTHER),
  ),
  [SurveyDimension.REASON]: flat(
    SurveyDimension.REASON,
    "Main reason of the member's latest spell abroad.",
    [
      { code: "WORK", name: "Work" },
      { code: "STUDY", name: "Study" },
      { code: "FAMILY", name: "Family" },
      { code: OTHER, name: "Other reasons" },
    ],
    (answer) => (answer === "OTHER" ? OTHER : String(answer)),
  ),
  [SurveyDimension.REMITTANCE_AMOUNT]: flat(
    SurveyDimension.REMITTANCE_AMOUNT,
    "Remittances the household received in the 12 months before the interview.",
    REMITTANCE_BANDS,
    String,
  ),
};
