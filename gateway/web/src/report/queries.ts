/** The Statistics Office's GraphQL the report page asks for, and the shapes of its answers (the profile contract). */

export type ObservationFlag = "NONE" | "ROUNDED" | "SUPPRESSED";

/** One statistical cell as the source agency released it: `value` is null when suppressed. */
export interface Observation {
  year: number;
  sex: string;
  age: string;
  citizenship: string;
  region: string;
  month: string;
  breakdown: string;
  value: number | null;
  flag: ObservationFlag;
}

export interface IndicatorDefinition {
  code: string;
  name: string;
  description: string;
  unit: string;
  sourceAgency: string;
  sourceIndicator: string;
  subjectCategory: string;
  regime: string;
  disaggregations: string[];
}

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
  /** The government act that adopted the template, when one did. */
  adoptedBy: string | null;
}

export interface ProfileTemplate extends TemplateSummary {
  indicators: IndicatorDefinition[];
}

export interface MigrationProfileIndicator {
  indicator: IndicatorDefinition;
  total: Observation | null;
  female: Observation | null;
  male: Observation | null;
  cells: Observation[];
}

export interface MigrationProfile {
  year: number;
  template: TemplateSummary;
  pulledAt: string | null;
  indicators: MigrationProfileIndicator[];
}

export interface Region {
  code: string;
  name: string;
  parent: string | null;
}

const INDICATOR_FIELDS = `code name description unit sourceAgency sourceIndicator subjectCategory regime disaggregations`;
const OBSERVATION_FIELDS = `year sex age citizenship region month breakdown value flag`;

export const PROFILE_TEMPLATES = `query ReportProfileTemplates {
  profileTemplates { id title description adoptedBy indicators { ${INDICATOR_FIELDS} } }
}`;

/** The regions code list comes with the profile: the region tables name and nest what the cells code. */
export const MIGRATION_PROFILE = `query ReportMigrationProfile($year: Int!, $template: ID) {
  migrationProfile(year: $year, template: $template) {
    year
    pulledAt
    template { id title description adoptedBy }
    indicators {
      indicator { ${INDICATOR_FIELDS} }
      total { ${OBSERVATION_FIELDS} }
      female { ${OBSERVATION_FIELDS} }
      male { ${OBSERVATION_FIELDS} }
      cells { ${OBSERVATION_FIELDS} }
    }
  }
  regions { code name parent }
}`;

export const MIGRATION_PROFILE_SDMX = `query ReportMigrationProfileSdmx($year: Int!, $template: ID, $indicator: ID) {
  migrationProfileSdmx(year: $year, template: $template, indicator: $indicator)
}`;

export interface ProfileAnswer {
  migrationProfile: MigrationProfile | null;
  regions: Region[];
}
