import { describe, expect, it } from "@jest/globals";
import type { ClaimMapping } from "./ClaimMapping";
import { mapClaims } from "./mapClaims";
import { domestic, hubPreset, refusalOf } from "./testing/claimsFixtures";

// The hub preset, with scopes or an officer claim added by each test.
const hub = hubPreset();

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
