import { describe, expect, it } from "@jest/globals";
import type { JWTPayload } from "jose";
import type { ClaimMapping } from "./ClaimMapping";
import { claimPreset } from "./claimPreset";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { mapClaims } from "./mapClaims";

/** The refusal a call throws; fails the test when the claims are accepted. */
function refusalOf(call: () => unknown): ClaimsUnfit {
  try {
    call();
  } catch (error) {
    if (error instanceof ClaimsUnfit) return error;
    throw error;
  }
  throw new Error("the claims were accepted");
}

// The hub preset, with scopes or an officer claim added by each test.
const hub = claimPreset("hub", { audience: "migration-hub" });
const domestic: JWTPayload = {
  sub: "officer-0147",
  agency: "BORDER_POLICE",
  role: "border-officer",
  purposes: ["BORDER_CHECK"],
  country: "AM",
};

describe("delegation", () => {
  const act = { ...domestic, sub: "officer-0147", act: { sub: "bp-case-system" } };
  const withOfficer: ClaimMapping = { ...hub, officer: { claim: "officer" } };

  it("records the acting system as the subject and the token's subject as the officer (RFC 8693 act)", () => {
    expect(mapClaims(act, hub, "AM")).toMatchObject({
      principal: { subject: "bp-case-system" },
      onBehalfOf: "officer-0147",
      delegation: "act",
    });
  });

  it("counts only the immediate actor of a chain", () => {
    const chain = { ...act, act: { sub: "bp-gateway", act: { sub: "bp-case-system" } } };
    expect(mapClaims(chain, hub, "AM")).toMatchObject({ principal: { subject: "bp-gateway" }, delegation: "act" });
  });

  it("reads a configured officer claim beside the system's own subject", () => {
    const payload = { ...domestic, sub: "bp-case-system", officer: "officer-0147" };
    expect(mapClaims(payload, withOfficer, "AM")).toMatchObject({
      principal: { subject: "bp-case-system" },
      onBehalfOf: "officer-0147",
      delegation: "claim",
    });
  });

  it("accepts act and the officer claim when they name the same officer", () => {
    expect(mapClaims({ ...act, officer: "officer-0147" }, withOfficer, "AM")).toMatchObject({ delegation: "act" });
  });

  it("refuses act and an officer claim naming different officers", () => {
    expect(refusalOf(() => mapClaims({ ...act, officer: "officer-9999" }, withOfficer, "AM"))).toMatchObject({
      field: "officer",
      reason: "delegation-conflict",
    });
  });

  it.each<[string, unknown]>([
    ["a string", "bp-case-system"],
    ["null", null],
    ["an array", [{ sub: "bp-case-system" }]],
    ["an object without sub", { client_id: "bp-case-system" }],
    ["a numeric sub", { sub: 42 }],
    ["an empty sub", { sub: "" }],
    ["a sub with a line break", { sub: "bp\nforged log line" }],
  ])("refuses an act claim that is %s", (_name, value) => {
    expect(refusalOf(() => mapClaims({ ...domestic, act: value }, hub, "AM"))).toMatchObject({
      field: "act",
      reason: "invalid",
    });
  });

  it("refuses an officer claim that is no identifier", () => {
    expect(refusalOf(() => mapClaims({ ...domestic, officer: 147 }, withOfficer, "AM"))).toMatchObject({
      field: "officer",
      reason: "invalid",
    });
  });
});
