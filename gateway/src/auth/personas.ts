/** The demo personas: one per kind of user the hub serves, as their identity provider would describe them. */
import type { Agency, Purpose } from "@hub/contracts";

export interface Persona {
  subject: string;
  agency: Agency;
  role: string;
  purposes: Purpose[];
  description: string;
}

export const PERSONAS = {
  "border-officer": {
    subject: "officer-0147",
    agency: "BORDER_POLICE",
    role: "border-officer",
    purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"],
    description: "Border Police officer at a crossing point",
  },
  "border-investigator": {
    subject: "investigator-0031",
    agency: "BORDER_POLICE",
    role: "investigator",
    purposes: ["CRIMINAL_INVESTIGATION"],
    description: "Border Police investigator (criminal investigations need an authorisation reference)",
  },
  "migration-clerk": {
    subject: "clerk-0212",
    agency: "MIGRATION_SERVICE",
    role: "clerk",
    purposes: ["RESIDENCE_ADMIN"],
    description: "Migration Service clerk handling residence permits",
  },
  "asylum-officer": {
    subject: "asylum-officer-0088",
    agency: "MIGRATION_SERVICE",
    role: "asylum-officer",
    purposes: ["ASYLUM_PROCEDURE"],
    description: "Migration Service asylum officer",
  },
  "trafficking-caseworker": {
    subject: "caseworker-01",
    agency: "MIGRATION_SERVICE",
    role: "caseworker",
    purposes: ["VICTIM_PROTECTION"],
    description: "Migration Service caseworker assisting victims of trafficking",
  },
  statistician: {
    subject: "statistician-0005",
    agency: "STATISTICS_OFFICE",
    role: "statistician",
    purposes: ["OFFICIAL_STATISTICS", "RESEARCH"],
    description: "National Statistics Office analyst",
  },
  auditor: {
    subject: "auditor-0002",
    agency: "HUB_OPERATOR",
    role: "auditor",
    purposes: ["AUDIT"],
    description: "Auditor reviewing access decisions",
  },
  dpo: {
    subject: "dpo-0001",
    agency: "HUB_OPERATOR",
    role: "dpo",
    purposes: ["SUBJECT_ACCESS"],
    description: "Data-protection officer answering subject access requests",
  },
} as const satisfies Record<string, Persona>;

export type PersonaName = keyof typeof PERSONAS;
export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];

export function isPersonaName(value: string): value is PersonaName {
  return Object.hasOwn(PERSONAS, value);
}
