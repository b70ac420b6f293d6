import { describe, expect, it } from "@jest/globals";
import type { JWTPayload } from "jose";
import type { ClaimMapping } from "./ClaimMapping";
import { claimPreset } from "./claimPreset";
import { mapClaims } from "./mapClaims";
import { domestic, hubPreset, refusalOf } from "./testing/claimsFixtures";

// The assertions of principalFromClaims (verifyToken.test.ts), held by the hub preset.
const hub = hubPreset();
const foreign: JWTPayload = {
  sub: "tr-pmm-readmission-017",
  authority: "TR-PMM",
  role: "readmission-officer",
  purposes: ["RETURN_ENFORCEMENT"],
  country: "TR",
};
const principalOf = (payload: JWTPayload, mapping: ClaimMapping = hub) => mapClaims(payload, mapping, "AM").principal;

describe("mapClaims with the hub preset", () => {
  it("reads a domestic caller's agency", () => {
    expect(mapClaims(domestic, hub, "AM")).toEqual({
      principal: {
        subject: "officer-0147",
        agency: "BORDER_POLICE",
        role: "border-officer",
        purposes: ["BORDER_CHECK"],
        country: "AM",
        cases: [],
      },
      clientId: null,
      onBehalfOf: null,
      delegation: null,
    });
  });

  it("reads a foreign caller's authority as the body it acts for, under a namespace with dots too", () => {
    expect(principalOf(foreign)).toMatchObject({ agency: "TR-PMM", country: "TR" });
    const namespaced = Object.fromEntries(
      Object.entries(foreign).map(([k, v]) => [k === "sub" ? k : `https://hub.example/${k}`, v]),
    );
    const mapping = claimPreset("hub", { audience: "migration-hub", namespace: "https://hub.example/" });
    expect(principalOf(namespaced, mapping)).toMatchObject({ agency: "TR-PMM" });
    // The namespace is part of the claim's name: the same claims without it are not read.
    expect(refusalOf(() => principalOf(foreign, mapping))).toMatchObject({ field: "agency", reason: "missing" });
  });

  it("accepts a domestic agency claimed from abroad: the policies then grant it nothing (R14-2)", () => {
    expect(principalOf({ ...domestic, country: "TR" })).toMatchObject({ agency: "BORDER_POLICE", country: "TR" });
  });

  it("reads the cases of a caseworker and the client id", () => {
    const caller = mapClaims({ ...domestic, cases: ["TR-2024-001"], client_id: "bp-terminal" }, hub, "AM");
    expect(caller.principal.cases).toEqual(["TR-2024-001"]);
    expect(caller.clientId).toBe("bp-terminal");
  });

  it.each<[string, JWTPayload, string, string]>([
    ["both an agency and an authority", { ...foreign, agency: "MIGRATION_SERVICE" }, "authority", "conflict"],
    ["an authority in the agency claim", { ...domestic, agency: "TR-PMM", country: "TR" }, "agency", "invalid"],
    ["an agency in the authority claim", { ...foreign, authority: "BORDER_POLICE" }, "authority", "invalid"],
    [
      "an authority of another country than the token's",
      { ...foreign, country: "GE" },
      "authority",
      "country-mismatch",
    ],
    [
      "an authority of the hub's own country",
      { ...foreign, authority: "AM-POLICE", country: "AM" },
      "country",
      "hub-country",
    ],
    ["a lower-case authority", { ...foreign, authority: "tr-pmm" }, "authority", "invalid"],
    ["an authority with a path", { ...foreign, authority: "TR-PMM/../BORDER_POLICE" }, "authority", "invalid"],
    ["an authority that is not a string", { ...foreign, authority: ["TR-PMM"] }, "authority", "invalid"],
    ["an empty authority", { ...foreign, authority: "" }, "authority", "invalid"],
    ["a very long authority", { ...foreign, authority: `TR-${"A".repeat(200)}` }, "authority", "invalid"],
    ["a country that is no code", { ...foreign, country: "Turkey" }, "country", "invalid"],
    ["neither an agency nor an authority", { ...domestic, agency: undefined }, "agency", "missing"],
    ["purposes as a string", { ...domestic, purposes: "BORDER_CHECK" }, "purposes", "invalid"],
    ["a lower-case purpose", { ...domestic, purposes: ["border_check"] }, "purposes", "unknown-purpose"],
    ["no purposes claim", { ...domestic, purposes: undefined }, "purposes", "missing"],
    ["no role", { ...domestic, role: undefined }, "role", "missing"],
    ["a role of 101 characters", { ...domestic, role: "r".repeat(101) }, "role", "invalid"],
    ["no subject", { ...domestic, sub: undefined }, "subject", "missing"],
    ["cases that are not a list", { ...domestic, cases: "TR-2024-001" }, "cases", "invalid"],
    ["a case id of 65 characters", { ...domestic, cases: ["c".repeat(65)] }, "cases", "invalid"],
  ])("refuses %s, naming the attribute", (_name, payload, field, reason) => {
    expect(refusalOf(() => mapClaims(payload, hub, "AM"))).toMatchObject({ field, reason });
  });

  it("names the attribute and the claim in its message, never the value", () => {
    const { message } = refusalOf(() => mapClaims({ ...foreign, authority: "TR-PMM/../SECRET" }, hub, "AM"));
    expect(message).toBe(
      'The token\'s claims do not describe a hub principal: "authority" (claim "authority") is not valid.',
    );
    expect(message).not.toContain("SECRET");
  });

  it("ignores the scope claim, as the hub's own tokens have always been read", () => {
    expect(principalOf({ ...domestic, scope: "openid purpose:RESEARCH" }).purposes).toEqual(["BORDER_CHECK"]);
  });
});
