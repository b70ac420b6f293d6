// Attempts to get more out of a token's claims than its issuer granted: lookalike values, scope tricks, delegation tricks.
import { describe, expect, it } from "@jest/globals";
import type { JWTPayload } from "jose";
import type { ClaimMapping } from "./ClaimMapping";
import { claimMappingFromConfig } from "./claimMappingConfig";
import { claimPreset } from "./claimPreset";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { mapClaims } from "./mapClaims";

const keycloak = claimPreset("keycloak", { audience: "migration-hub" });
const base: JWTPayload = {
  sub: "s-1",
  azp: "c-1",
  agency: "BORDER_POLICE",
  country: "AM",
  scope: "profile purpose:BORDER_CHECK",
  resource_access: { "migration-hub": { roles: ["officer"] } },
};

function refusal(payload: JWTPayload, mapping: ClaimMapping): ClaimsUnfit {
  try {
    mapClaims(payload, mapping, "AM");
  } catch (error) {
    if (error instanceof ClaimsUnfit) return error;
    throw error;
  }
  throw new Error("the claims were accepted");
}

describe("case translation", () => {
  // An identity provider that emits lower-case codes is mapped with `case: upper`. Unicode case
  // mapping turns characters outside ASCII into ASCII letters (dotless i, long s, ligatures), so a
  // value the provider's own checks see as another word would become a hub code.
  const lowerCase = claimMappingFromConfig(
    { preset: "keycloak", agency: { claim: "agency", case: "upper" }, purposes: { claim: "purposes", case: "upper" } },
    "migration-hub",
  );

  it("reads an ASCII value in another case", () => {
    expect(mapClaims({ ...base, agency: "border_police" }, lowerCase, "AM").principal.agency).toBe("BORDER_POLICE");
  });

  it.each([
    ["a ligature", "statistics_o\ufb03ce"],
    ["a long s", "\u017ftatistics_office"],
    ["a dotless i", "statıstıcs_offıce"],
  ])("never turns %s into a hub code", (_name, agency) => {
    expect(refusal({ ...base, agency }, lowerCase).field).toBe("agency");
  });

  it("never turns a lookalike purpose into a purpose", () => {
    const payload = { ...base, purposes: ["crımınal_ınvestıgatıon"], scope: "purpose:CRIMINAL_INVESTIGATION" };
    expect(refusal(payload, lowerCase).field).toBe("purposes");
  });

  it("never turns a lookalike alias key into the alias (lower case)", () => {
    const mapping = claimMappingFromConfig(
      { preset: "keycloak", role: { claim: "role", case: "lower", aliases: { k9: "dog-handler" } } },
      "migration-hub",
    );
    expect(mapClaims({ ...base, role: "K9" }, mapping, "AM").principal.role).toBe("dog-handler");
    expect(mapClaims({ ...base, role: "\u212a9" }, mapping, "AM").principal.role).not.toBe("dog-handler");
  });
});

describe("scopes narrowing purposes (holds)", () => {
  const withPurposes = { ...base, purposes: ["BORDER_CHECK", "CRIMINAL_INVESTIGATION"] };

  it.each([
    ["one purpose scope", "purpose:BORDER_CHECK", ["BORDER_CHECK"]],
    ["a duplicate scope", "purpose:BORDER_CHECK purpose:BORDER_CHECK", ["BORDER_CHECK"]],
    ["tabs and line breaks between scopes", "openid\tpurpose:BORDER_CHECK\n", ["BORDER_CHECK"]],
  ])("holds the token to %s", (_name, scope, purposes) => {
    expect(mapClaims({ ...withPurposes, scope }, keycloak, "AM").principal.purposes).toEqual(purposes);
  });

  it.each([
    ["no purpose scope", "openid profile"],
    ["an empty scope", ""],
    ["an empty scope list", []],
    ["a prefix in another case", "PURPOSE:CRIMINAL_INVESTIGATION"],
    ["a purpose in lower case", "purpose:criminal_investigation"],
    ["a purpose with a trailing dot", "purpose:CRIMINAL_INVESTIGATION."],
  ])("refuses %s rather than falling back to the purposes claim", (_name, scope) => {
    expect(() => mapClaims({ ...withPurposes, scope }, keycloak, "AM")).toThrow(ClaimsUnfit);
  });

  it("never widens beyond the purposes claim", () => {
    const payload = { ...base, purposes: ["BORDER_CHECK"], scope: "purpose:BORDER_CHECK purpose:AUDIT" };
    expect(mapClaims(payload, keycloak, "AM").principal.purposes).toEqual(["BORDER_CHECK"]);
  });

  it("refuses a scope claim of another shape instead of ignoring it", () => {
    for (const scope of [{ purpose: "AUDIT" }, 1, true, ["purpose:AUDIT", 1]]) {
      expect(() => mapClaims({ ...withPurposes, scope }, keycloak, "AM")).toThrow(ClaimsUnfit);
    }
  });

  it("refuses the hub preset's purposes as a string (strict form)", () => {
    const hub = claimPreset("hub", { audience: "migration-hub" });
    const payload = { sub: "s-1", agency: "BORDER_POLICE", role: "officer", country: "AM", purposes: "AUDIT" };
    expect(refusal(payload, hub).field).toBe("purposes");
  });
});

describe("delegation (holds)", () => {
  const officer = { ...keycloak, officer: { claim: "officer" } };

  it("takes only the immediate actor of a chain", () => {
    const payload = { ...base, sub: "officer-1", act: { sub: "system-1", act: { sub: "HUB_OPERATOR" } } };
    expect(mapClaims(payload, keycloak, "AM")).toMatchObject({
      principal: { subject: "system-1" },
      onBehalfOf: "officer-1",
      delegation: "act",
    });
  });

  it.each<[string, unknown]>([
    ["an array", [{ sub: "system-1" }]],
    ["a string", "system-1"],
    ["null", null],
    ["an object without sub", { client_id: "system-1" }],
    ["a sub with a line break", { sub: "system-1\nforged" }],
    ["a sub on the prototype", JSON.parse('{"__proto__": {"sub": "system-1"}}')],
  ])("refuses an act claim that is %s", (_name, act) => {
    expect(refusal({ ...base, act }, keycloak).field).toBe("act");
  });

  it("refuses act and an officer claim naming different officers", () => {
    const payload = { ...base, sub: "officer-1", officer: "officer-2", act: { sub: "system-1" } };
    expect(refusal(payload, officer).reason).toBe("delegation-conflict");
  });
});
