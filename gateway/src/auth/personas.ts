/** The demo personas: one per kind of user the hub serves, as their identity provider would describe them. */
import type { Agency, ForeignAuthorityId, Principal, Purpose } from "@hub/contracts";

export interface Persona {
  subject: string;
  /** A domestic agency, or a foreign authority's id (R14-2). */
  agency: Agency | ForeignAuthorityId;
  role: string;
  purposes: Purpose[];
  description: string;
  /** A foreign authority's country (its id's prefix); domestic personas are of the hub's country. */
  country?: string;
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
  // A machine client: `npm run profile` pulls the source aggregates with its token.
  "statistics-service": {
    subject: "svc-statistics-profile",
    agency: "STATISTICS_OFFICE",
    role: "statistics-service",
    purposes: ["OFFICIAL_STATISTICS"],
    description: "National Statistics Office profile service, pulling the agencies' aggregates",
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
  // Foreign recipients (R14-2): each reads only under the agreements naming its authority.
  "tr-readmission-officer": {
    subject: "tr-pmm-readmission-017",
    agency: "TR-PMM",
    country: "TR",
    role: "readmission-officer",
    purposes: ["RETURN_ENFORCEMENT"],
    description: "Readmission officer of Türkiye's Presidency of Migration Management (foreign recipient)",
  },
  "ge-police-investigator": {
    subject: "ge-mia-investigator-042",
    agency: "GE-MIA",
    country: "GE",
    role: "police-investigator",
    purposes: ["CRIMINAL_INVESTIGATION"],
    description:
      "Investigator of Georgia's Ministry of Internal Affairs under police cooperation (foreign recipient; needs an authorisation reference)",
  },
} as const satisfies Record<string, Persona>;

export type PersonaName = keyof typeof PERSONAS;
export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];

export function isPersonaName(value: string): value is PersonaName {
  return Object.hasOwn(PERSONAS, value);
}

/** The principal a persona's token describes: a foreign persona is of its authority's country. */
export function personaPrincipal(name: PersonaName, hubCountry: string): Principal {
  const persona: Persona = PERSONAS[name];
  return {
    subject: persona.subject,
    agency: persona.agency,
    role: persona.role,
    purposes: [...persona.purposes],
    country: persona.country ?? hubCountry,
    cases: [],
  };
}
