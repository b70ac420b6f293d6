/**
 * The hub's closed vocabularies (POLICY-RULES.md): purposes, data categories and agencies.
 * Gateway, subgraphs and policies all speak these words; nothing else defines them.
 */

export const PURPOSES = [
  "BORDER_CHECK",
  "RETURN_ENFORCEMENT",
  "RESIDENCE_ADMIN",
  "ASYLUM_PROCEDURE",
  "VICTIM_PROTECTION",
  "CRIMINAL_INVESTIGATION",
  "OFFICIAL_STATISTICS",
  "RESEARCH",
  "AUDIT",
  "SUBJECT_ACCESS",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === "string" && (PURPOSES as readonly string[]).includes(value);
}

export const DATA_CATEGORIES = [
  "IDENTIFIER",
  "IDENTITY",
  "BIOMETRIC",
  "TRAVEL",
  "RESIDENCE",
  "ASYLUM",
  "TRAFFICKING",
  "HEALTH",
  "CRIMINAL",
  "MINOR",
  "FLAG",
  "AGGREGATE",
  "REFERENCE",
  "AUDIT",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Special categories of data (Convention 108+ Art. 6). */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = ["BIOMETRIC", "ASYLUM", "TRAFFICKING", "HEALTH", "CRIMINAL"];

export function isDataCategory(value: unknown): value is DataCategory {
  return typeof value === "string" && (DATA_CATEGORIES as readonly string[]).includes(value);
}

export const AGENCIES = ["BORDER_POLICE", "MIGRATION_SERVICE", "STATISTICS_OFFICE", "HUB_OPERATOR"] as const;
export type Agency = (typeof AGENCIES)[number];

export function isAgency(value: unknown): value is Agency {
  return typeof value === "string" && (AGENCIES as readonly string[]).includes(value);
}

/** The subgraph that holds each agency's repository (and the hub operator's audit log), as named in the supergraph. */
export const SUBGRAPHS = {
  "border-police": "BORDER_POLICE",
  "migration-service": "MIGRATION_SERVICE",
  "statistics-office": "STATISTICS_OFFICE",
  audit: "HUB_OPERATOR",
} as const satisfies Record<string, Agency>;
export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

/** How each agency is named to people (messages, the explorer). */
export const AGENCY_TITLES: Record<Agency, string> = {
  BORDER_POLICE: "Border Police",
  MIGRATION_SERVICE: "State Migration Service",
  STATISTICS_OFFICE: "National Statistics Office",
  HUB_OPERATOR: "hub operator",
};

/** Identifies the `@dataCategory` directive's specification in every subgraph's `@link`. */
export const DATA_CATEGORY_SPEC_URL = "https://specs.migration-hub.dev/data-category/v1.0";
