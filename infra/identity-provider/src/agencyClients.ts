/**
 * The OAuth clients of the local identity provider: one per agency system that calls the hub,
 * modelled on the gateway's demo personas (gateway/src/auth/personas.ts), and the scopes that
 * name the hub's purposes.
 */
import { PURPOSES, type Agency, type ForeignAuthorityId, type Purpose } from "@hub/contracts";

export interface AgencyClient {
  clientId: string;
  description: string;
  /** A domestic agency, or (for a foreign recipient, R14-2) an authority id with its own country. */
  body: { kind: "agency"; agency: Agency } | { kind: "authority"; authority: ForeignAuthorityId; country: string };
  role: string;
  /** Every purpose this system may ask for; a token carries those its request named as scopes. */
  purposes: readonly Purpose[];
}

/** The OAuth scope that asks for one purpose (the gateway maps it back with the same prefix). */
export const PURPOSE_SCOPE_PREFIX = "purpose:";
export const purposeScope = (purpose: Purpose): string => `${PURPOSE_SCOPE_PREFIX}${purpose}`;
export const PURPOSE_SCOPES: readonly string[] = PURPOSES.map(purposeScope);

export const AGENCY_CLIENTS: readonly AgencyClient[] = [
  {
    clientId: "bp-border-control",
    description: "Border Police crossing-point system",
    body: { kind: "agency", agency: "BORDER_POLICE" },
    role: "border-officer",
    purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"],
  },
  {
    clientId: "bp-investigations",
    description: "Border Police case system for criminal investigations",
    body: { kind: "agency", agency: "BORDER_POLICE" },
    role: "investigator",
    purposes: ["CRIMINAL_INVESTIGATION"],
  },
  {
    clientId: "ms-residence",
    description: "Migration Service residence-permit system",
    body: { kind: "agency", agency: "MIGRATION_SERVICE" },
    role: "clerk",
    purposes: ["RESIDENCE_ADMIN"],
  },
  {
    clientId: "ms-asylum",
    description: "Migration Service asylum case system",
    body: { kind: "agency", agency: "MIGRATION_SERVICE" },
    role: "asylum-officer",
    purposes: ["ASYLUM_PROCEDURE"],
  },
  {
    clientId: "so-statistics",
    description: "National Statistics Office profile service",
    body: { kind: "agency", agency: "STATISTICS_OFFICE" },
    role: "statistics-service",
    purposes: ["OFFICIAL_STATISTICS", "RESEARCH"],
  },
  {
    clientId: "hub-audit",
    description: "Hub operator's audit review tool",
    body: { kind: "agency", agency: "HUB_OPERATOR" },
    role: "auditor",
    purposes: ["AUDIT"],
  },
  {
    clientId: "tr-pmm-readmission",
    description: "Readmission system of Türkiye's Presidency of Migration Management (foreign recipient)",
    body: { kind: "authority", authority: "TR-PMM", country: "TR" },
    role: "readmission-officer",
    purposes: ["RETURN_ENFORCEMENT"],
  },
  {
    clientId: "ge-mia-investigations",
    description: "Police cooperation system of Georgia's Ministry of Internal Affairs (foreign recipient)",
    body: { kind: "authority", authority: "GE-MIA", country: "GE" },
    role: "police-investigator",
    purposes: ["CRIMINAL_INVESTIGATION"],
  },
];

export const CLIENT_IDS = AGENCY_CLIENTS.map((c) => c.clientId);

export function agencyClient(clientId: string): AgencyClient | undefined {
  return AGENCY_CLIENTS.find((c) => c.clientId === clientId);
}

/**
 * The hub claims a client's tokens carry (the gateway's flat claim names): who the system acts
 * for, its role and country, and, when asked for, every purpose it may use.
 */
export function hubClaims(client: AgencyClient, hubCountry: string, withPurposes: boolean): Record<string, unknown> {
  const body =
    client.body.kind === "agency"
      ? { agency: client.body.agency, country: hubCountry }
      : { authority: client.body.authority, country: client.body.country };
  return { ...body, role: client.role, ...(withPurposes ? { purposes: [...client.purposes] } : {}) };
}
