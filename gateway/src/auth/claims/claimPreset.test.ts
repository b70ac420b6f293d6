import { describe, expect, it } from "@jest/globals";
import type { JWTPayload } from "jose";
import { claimPreset } from "./claimPreset";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { mapClaims } from "./mapClaims";

function refusalOf(call: () => unknown): { field: string; reason: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof ClaimsUnfit) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error("the claims were accepted");
}

const times = { iat: 1_767_225_600, exp: 1_767_225_900 };

describe("the Keycloak preset", () => {
  const mapping = claimPreset("keycloak", { audience: "migration-hub" });
  // A client-credentials token of a service account (Keycloak 26): audience resolved from the hub
  // client's roles, `service_account` scope claims, and hardcoded-claim mappers for the hub.
  const token: JWTPayload = {
    ...times,
    jti: "trrtcc:3f6f1c9e-4a57-4f0e-b1a4-5f7b1e0c2a11",
    iss: "https://sso.gov.example/realms/agencies",
    aud: ["migration-hub", "account"],
    sub: "5c3e2f4a-9d1b-4c8e-a3f7-2b6d8e1f0a94",
    typ: "Bearer",
    azp: "bp-case-system",
    acr: "1",
    "allowed-origins": ["/*"],
    realm_access: { roles: ["offline_access", "default-roles-agencies", "uma_authorization"] },
    resource_access: {
      "migration-hub": { roles: ["border-officer"] },
      account: { roles: ["manage-account", "view-profile"] },
    },
    scope: "profile email purpose:BORDER_CHECK purpose:RETURN_ENFORCEMENT",
    clientHost: "10.0.4.17",
    email_verified: false,
    preferred_username: "service-account-bp-case-system",
    clientAddress: "10.0.4.17",
    client_id: "bp-case-system",
    agency: "BORDER_POLICE",
    country: "AM",
  };

  it("reads a service account's token: client role, purposes from scopes, azp", () => {
    expect(mapClaims(token, mapping, "AM")).toEqual({
      principal: {
        subject: "5c3e2f4a-9d1b-4c8e-a3f7-2b6d8e1f0a94",
        agency: "BORDER_POLICE",
        role: "border-officer",
        purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"],
        country: "AM",
        cases: [],
      },
      clientId: "bp-case-system",
      onBehalfOf: null,
      delegation: null,
    });
  });

  it("honours a token down-scoped to one purpose, and narrows by a purposes mapper", () => {
    expect(mapClaims({ ...token, scope: "profile purpose:BORDER_CHECK" }, mapping, "AM").principal.purposes).toEqual([
      "BORDER_CHECK",
    ]);
    expect(mapClaims({ ...token, purposes: ["RETURN_ENFORCEMENT"] }, mapping, "AM").principal.purposes).toEqual([
      "RETURN_ENFORCEMENT",
    ]);
    expect(refusalOf(() => mapClaims({ ...token, scope: "profile email" }, mapping, "AM"))).toEqual({
      field: "purposes",
      reason: "no-purpose-in-scope",
    });
  });

  it("reads only the hub client's roles: realm roles and other clients' roles are not the hub's", () => {
    const withoutClientRole = { ...token, resource_access: { account: { roles: ["manage-account"] } } };
    expect(refusalOf(() => mapClaims(withoutClientRole, mapping, "AM"))).toEqual({ field: "role", reason: "missing" });
    const twoRoles = { ...token, resource_access: { "migration-hub": { roles: ["border-officer", "analyst"] } } };
    expect(refusalOf(() => mapClaims(twoRoles, mapping, "AM"))).toEqual({ field: "role", reason: "ambiguous" });
  });

  it("finds the client roles of an audience with dots in it, and namespaced mapper claims", () => {
    const dotted = claimPreset("keycloak", { audience: "hub.gov.example", namespace: "https://hub.gov.example/" });
    const payload = {
      ...token,
      agency: undefined,
      country: undefined,
      "https://hub.gov.example/agency": "MIGRATION_SERVICE",
      "https://hub.gov.example/country": "AM",
      resource_access: { "hub.gov.example": { roles: ["caseworker"] } },
    };
    expect(mapClaims(payload, dotted, "AM").principal).toMatchObject({
      agency: "MIGRATION_SERVICE",
      role: "caseworker",
    });
  });

  it("reads a foreign authority's client", () => {
    const foreign = { ...token, agency: undefined, authority: "GE-MIA", country: "GE" };
    expect(mapClaims(foreign, mapping, "AM").principal).toMatchObject({ agency: "GE-MIA", country: "GE" });
    expect(refusalOf(() => mapClaims({ ...foreign, country: "AM", authority: "AM-MIA" }, mapping, "AM"))).toEqual({
      field: "country",
      reason: "hub-country",
    });
  });
});

describe("the Entra ID preset", () => {
  const mapping = claimPreset("entra", { audience: "api://migration-hub" });
  // A v2 app-only token (client credentials): application permissions in `roles`, no `scp`.
  const appOnly: JWTPayload = {
    ...times,
    nbf: times.iat,
    aud: "api://migration-hub",
    iss: "https://login.microsoftonline.com/9122040d-6c67-4c5b-b112-36a304b66dad/v2.0",
    aio: "E2ZgYJhL6bNy8k5p",
    azp: "6e74172b-be56-4843-9ff4-e66a39bb12e3",
    azpacr: "1",
    idtyp: "app",
    oid: "b3c8d4e2-1f5a-4e6b-9c7d-8a2f0e1b3c45",
    rh: "0.AX0A",
    roles: ["Agency.BORDER_POLICE", "Country.AM", "Role.border-officer", "Purpose.BORDER_CHECK"],
    sub: "b3c8d4e2-1f5a-4e6b-9c7d-8a2f0e1b3c45",
    tid: "9122040d-6c67-4c5b-b112-36a304b66dad",
    uti: "AbCdEf123456",
    ver: "2.0",
  };

  it("reads an app-only token from prefixed app roles", () => {
    expect(mapClaims(appOnly, mapping, "AM")).toEqual({
      principal: {
        subject: "b3c8d4e2-1f5a-4e6b-9c7d-8a2f0e1b3c45",
        agency: "BORDER_POLICE",
        role: "border-officer",
        purposes: ["BORDER_CHECK"],
        country: "AM",
        cases: [],
      },
      clientId: "6e74172b-be56-4843-9ff4-e66a39bb12e3",
      onBehalfOf: null,
      delegation: null,
    });
  });

  it("takes the client id of a v1 token from appid", () => {
    const v1 = {
      ...appOnly,
      azp: undefined,
      azpacr: undefined,
      appid: "6e74172b-be56-4843-9ff4-e66a39bb12e3",
      ver: "1.0",
    };
    expect(mapClaims(v1, mapping, "AM").clientId).toBe("6e74172b-be56-4843-9ff4-e66a39bb12e3");
  });

  it("narrows a delegated token's app roles to the purposes its scp grants", () => {
    const delegated = {
      ...appOnly,
      idtyp: undefined,
      oid: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
      sub: "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
      name: "Ani Petrosyan",
      preferred_username: "ani.petrosyan@police.gov.example",
      roles: [...(appOnly.roles as string[]), "Purpose.RETURN_ENFORCEMENT"],
      scp: "Purpose.RETURN_ENFORCEMENT",
    };
    expect(mapClaims(delegated, mapping, "AM")).toMatchObject({
      principal: { subject: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", purposes: ["RETURN_ENFORCEMENT"] },
      clientId: "6e74172b-be56-4843-9ff4-e66a39bb12e3",
    });
    expect(refusalOf(() => mapClaims({ ...delegated, scp: "User.Read" }, mapping, "AM"))).toEqual({
      field: "purposes",
      reason: "no-purpose-in-scope",
    });
  });

  it("refuses an application holding two role app roles, or none", () => {
    const twoRoles = { ...appOnly, roles: [...(appOnly.roles as string[]), "Role.analyst"] };
    expect(refusalOf(() => mapClaims(twoRoles, mapping, "AM"))).toEqual({ field: "role", reason: "ambiguous" });
    const noAgency = { ...appOnly, roles: ["Country.AM", "Role.border-officer", "Purpose.BORDER_CHECK"] };
    expect(refusalOf(() => mapClaims(noAgency, mapping, "AM"))).toEqual({ field: "agency", reason: "missing" });
  });

  it("refuses an app role naming an unknown purpose", () => {
    const typo = { ...appOnly, roles: [...(appOnly.roles as string[]), "Purpose.BORDERCHECK"] };
    expect(refusalOf(() => mapClaims(typo, mapping, "AM"))).toEqual({ field: "purposes", reason: "unknown-purpose" });
  });

  it("reads a foreign authority's application", () => {
    const foreign = {
      ...appOnly,
      roles: ["Authority.TR-PMM", "Country.TR", "Role.liaison", "Purpose.RETURN_ENFORCEMENT"],
    };
    expect(mapClaims(foreign, mapping, "AM").principal).toMatchObject({ agency: "TR-PMM", country: "TR" });
  });
});

describe("the oidc-provider preset", () => {
  const mapping = claimPreset("oidc-provider", { audience: "migration-hub" });
  // A client-credentials JWT access token (RFC 9068) with the hub's attributes from extraTokenClaims.
  const token: JWTPayload = {
    agency: "STATISTICS_OFFICE",
    role: "statistician",
    country: "AM",
    jti: "Dq1kOQ8m1r8GZ9uXyY4mH",
    sub: "stat-pipeline",
    ...times,
    scope: "purpose:OFFICIAL_STATISTICS purpose:RESEARCH",
    client_id: "stat-pipeline",
    iss: "http://127.0.0.1:4100",
    aud: "migration-hub",
  };

  it("reads a client-credentials token: sub and client_id are the client, purposes from scope", () => {
    expect(mapClaims(token, mapping, "AM")).toEqual({
      principal: {
        subject: "stat-pipeline",
        agency: "STATISTICS_OFFICE",
        role: "statistician",
        purposes: ["OFFICIAL_STATISTICS", "RESEARCH"],
        country: "AM",
        cases: [],
      },
      clientId: "stat-pipeline",
      onBehalfOf: null,
      delegation: null,
    });
  });

  it("intersects the scopes with a purposes claim from extraTokenClaims", () => {
    expect(mapClaims({ ...token, purposes: ["RESEARCH", "AUDIT"] }, mapping, "AM").principal.purposes).toEqual([
      "RESEARCH",
    ]);
  });

  it("records a token exchanged for an officer (act) with both the system and the officer", () => {
    const exchanged = { ...token, sub: "officer-0147", act: { sub: "stat-pipeline" }, scope: "purpose:RESEARCH" };
    expect(mapClaims(exchanged, mapping, "AM")).toMatchObject({
      principal: { subject: "stat-pipeline", purposes: ["RESEARCH"] },
      clientId: "stat-pipeline",
      onBehalfOf: "officer-0147",
      delegation: "act",
    });
  });

  it("reads purposes and cases given as space-separated strings", () => {
    const payload = { ...token, purposes: "RESEARCH OFFICIAL_STATISTICS", cases: "C-1 C-2" };
    expect(mapClaims(payload, mapping, "AM").principal).toMatchObject({
      purposes: ["RESEARCH", "OFFICIAL_STATISTICS"],
      cases: ["C-1", "C-2"],
    });
  });
});
