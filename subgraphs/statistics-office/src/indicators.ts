/**
 * The indicators the Statistics Office publishes, after the standard migration statistics
 * (Eurostat migr_* tables, national migration profiles). Static reference data, seeded as is.
 */
import { IndicatorUnit } from "./enums";
import type { IndicatorDefinition } from "./IndicatorDefinition.entity";

/** Every indicator is published by sex, age group and citizenship, each with a TOTAL margin. */
const DISAGGREGATIONS = ["SEX", "AGE_GROUP", "CITIZENSHIP"];

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: "FIRST_PERMITS",
    name: "First residence permits",
    description:
      "Residence permits issued in the year to persons receiving their first permit, all reasons (family, education, remunerated activities, humanitarian, other); cf. Eurostat migr_resfirst.",
    unit: IndicatorUnit.PERMITS,
    sourceAgency: "MIGRATION_SERVICE",
    subjectCategory: "RESIDENCE",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "ASYLUM_FIRST_TIME_APPLICANTS",
    name: "First-time asylum applicants",
    description:
      "Persons lodging an application for international protection for the first time, by year lodged; cf. Eurostat migr_asyappctza.",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "MIGRATION_SERVICE",
    subjectCategory: "ASYLUM",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "ASYLUM_DECISIONS",
    name: "First instance asylum decisions",
    description:
      "Decisions taken on asylum applications in the year, whatever the outcome; cf. Eurostat migr_asydcfsta.",
    unit: IndicatorUnit.DECISIONS,
    sourceAgency: "MIGRATION_SERVICE",
    subjectCategory: "ASYLUM",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "ASYLUM_POSITIVE_DECISIONS",
    name: "Positive asylum decisions",
    description:
      "Decisions in the year granting refugee status, subsidiary protection or a humanitarian status; cf. Eurostat migr_asydcfsta.",
    unit: IndicatorUnit.DECISIONS,
    sourceAgency: "MIGRATION_SERVICE",
    subjectCategory: "ASYLUM",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "REFUSED_ENTRY",
    name: "Third-country nationals refused entry",
    description: "Refusals of entry at the external border in the year; cf. Eurostat migr_eirfs.",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "BORDER_POLICE",
    subjectCategory: "TRAVEL",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "ORDERED_TO_LEAVE",
    name: "Third-country nationals ordered to leave",
    description: "Return decisions issued in the year; cf. Eurostat migr_eiord.",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "MIGRATION_SERVICE",
    subjectCategory: "RESIDENCE",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "RETURNED",
    name: "Third-country nationals returned",
    description: "Persons who left following a return decision, by year of departure; cf. Eurostat migr_eirtn.",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "MIGRATION_SERVICE",
    subjectCategory: "RESIDENCE",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "VICTIMS_OF_TRAFFICKING",
    name: "Registered victims of trafficking",
    description: "Victims of trafficking in human beings identified in the year; cf. Eurostat crim_thb_vctz.",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "MIGRATION_SERVICE",
    subjectCategory: "TRAFFICKING",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "ENTRIES",
    name: "Border entries of non-nationals",
    description:
      "Entries through the border crossing points by persons without the country's citizenship; counts crossings, not persons.",
    unit: IndicatorUnit.CROSSINGS,
    sourceAgency: "BORDER_POLICE",
    subjectCategory: "TRAVEL",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "RETURNED_NATIONALS",
    name: "Returned nationals screened",
    description: "Nationals returned (deported) from abroad and screened at the border in the year.",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "BORDER_POLICE",
    subjectCategory: "TRAVEL",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "ENTRY_BANS",
    name: "Entry bans issued",
    description:
      "Bans on entering the country issued in the year, whatever the grounds (criminal conviction, public order, immigration violation).",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "BORDER_POLICE",
    subjectCategory: "CRIMINAL",
    disaggregations: DISAGGREGATIONS,
  },
  {
    code: "RETURNED_NATIONALS_WITH_HEALTH_NEEDS",
    name: "Returned nationals with health needs",
    description: "Returned nationals whose screening at the border noted health needs, by year of screening.",
    unit: IndicatorUnit.PERSONS,
    sourceAgency: "BORDER_POLICE",
    subjectCategory: "HEALTH",
    disaggregations: DISAGGREGATIONS,
  },
];
