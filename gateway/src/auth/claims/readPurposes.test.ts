import { describe, expect, it } from "@jest/globals";
import type { JWTPayload } from "jose";
import type { ClaimMapping } from "./ClaimMapping";
import { mapClaims } from "./mapClaims";
import { domestic, hubPreset, refusalOf } from "./testing/claimsFixtures";

// The hub preset, with scopes or an officer claim added by each test.
const hub = hubPreset();
const principalOf = (payload: JWTPayload, mapping: ClaimMapping = hub) => mapClaims(payload, mapping, "AM").principal;

describe("purposes from scopes", () => {
  const mapping: ClaimMapping = {
    ...hub,
    purposes: { claim: "purposes" },
    scopes: { claim: "scope", prefix: "purpose:" },
  };
  const both = { ...domestic, purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"] };

  it("holds a down-scoped token to the purposes its scopes grant", () => {
    expect(principalOf({ ...both, scope: "openid purpose:RETURN_ENFORCEMENT" }, mapping).purposes).toEqual([
      "RETURN_ENFORCEMENT",
    ]);
  });

  it("takes the scopes' purposes alone when the token has no purposes claim", () => {
    const payload = { ...domestic, purposes: undefined, scope: "purpose:BORDER_CHECK purpose:RESEARCH" };
    expect(principalOf(payload, mapping).purposes).toEqual(["BORDER_CHECK", "RESEARCH"]);
  });

  it("reads the purposes claim alone when the token carries no scope claim", () => {
    expect(principalOf(both, mapping).purposes).toEqual(["BORDER_CHECK", "RETURN_ENFORCEMENT"]);
  });

  it.each<[string, JWTPayload]>([
    ["scopes without any purpose", { ...both, scope: "openid profile" }],
    ["scopes granting only purposes the claim lacks", { ...both, scope: "purpose:RESEARCH" }],
    ["an empty scope claim", { ...both, scope: "" }],
  ])("refuses %s (fail closed)", (_name, payload) => {
    expect(refusalOf(() => principalOf(payload, mapping))).toMatchObject({
      field: "purposes",
      reason: "no-purpose-in-scope",
    });
  });

  it("refuses a prefixed scope that is no purpose: a typo does not pass unseen", () => {
    const payload = { ...both, scope: "purpose:BORDER_CHECK purpose:BORDER_CHEK" };
    expect(refusalOf(() => principalOf(payload, mapping))).toMatchObject({
      field: "scopes",
      reason: "unknown-purpose",
    });
  });

  it("translates scope values by case and aliases before checking them", () => {
    const translated: ClaimMapping = {
      ...mapping,
      scopes: { claim: "scope", prefix: "purpose:", case: "upper", aliases: { "BORDER-CHECK": "BORDER_CHECK" } },
    };
    expect(principalOf({ ...both, scope: "purpose:border-check" }, translated).purposes).toEqual(["BORDER_CHECK"]);
  });
});
