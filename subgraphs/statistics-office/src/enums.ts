/** GraphQL enums of the Statistics Office: the dimensions of a statistical cell and its flags. */
import { registerEnumType } from "type-graphql";

/** Sex dimension of a cell; TOTAL is the margin over both sexes. */
export enum Sex {
  TOTAL = "TOTAL",
  FEMALE = "FEMALE",
  MALE = "MALE",
}
// Not "Sex": the Migration Service's Sex (FEMALE, MALE) is a person's, and composition requires an
// enum used as an argument to have the same values in every subgraph that defines it.
registerEnumType(Sex, { name: "ObservationSex", description: "Sex of the persons counted; TOTAL is both sexes." });

/** Age groups of the migration statistics (Eurostat-style bands); TOTAL is all ages. */
export enum AgeGroup {
  TOTAL = "TOTAL",
  Y0_17 = "Y0_17",
  Y18_34 = "Y18_34",
  Y35_64 = "Y35_64",
  Y65_MAX = "Y65_MAX",
}
registerEnumType(AgeGroup, { name: "AgeGroup", description: "Age at the event; TOTAL is all ages." });

/** What disclosure control did to a served cell. */
export enum ObservationFlag {
  NONE = "NONE",
  ROUNDED = "ROUNDED",
  SUPPRESSED = "SUPPRESSED",
}
registerEnumType(ObservationFlag, {
  name: "ObservationFlag",
  description: "NONE: exact count. ROUNDED: rounded to the nearest 5. SUPPRESSED: withheld, value is null.",
});

/** What one unit of an indicator counts. */
export enum IndicatorUnit {
  PERSONS = "PERSONS",
  PERMITS = "PERMITS",
  DECISIONS = "DECISIONS",
  CROSSINGS = "CROSSINGS",
}
registerEnumType(IndicatorUnit, { name: "IndicatorUnit" });

/** Disaggregated values in a fixed order: the canonical order of cells in every table. */
export const SEXES: readonly Sex[] = [Sex.TOTAL, Sex.FEMALE, Sex.MALE];
export const AGE_GROUPS: readonly AgeGroup[] = [
  AgeGroup.TOTAL,
  AgeGroup.Y0_17,
  AgeGroup.Y18_34,
  AgeGroup.Y35_64,
  AgeGroup.Y65_MAX,
];
