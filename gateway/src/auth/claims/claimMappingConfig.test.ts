import { describe, expect, it } from "@jest/globals";
import { claimMappingConfigSchema, claimMappingFromConfig } from "./claimMappingConfig";
import { claimPreset } from "./claimPreset";
import { mapClaims } from "./mapClaims";

/** As a providers file gives it: parsed YAML is plain JSON data. */
const fromFile = (section: unknown) => claimMappingFromConfig(JSON.parse(JSON.stringify(section)), "migration-hub");
const problem = (input: unknown) => {
  try {
    claimMappingFromConfig(input, "migration-hub");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
};

describe("claimMappingFromConfig", () => {
  it("is the hub preset when nothing is said, and a preset as it is when only the preset is named", () => {
    expect(claimMappingFromConfig({}, "migration-hub")).toEqual(claimPreset("hub", { audience: "migration-hub" }));
    expect(claimMappingFromConfig({ preset: "keycloak", namespace: "https://hub.example/" }, "hub-api")).toEqual(
      claimPreset("keycloak", { audience: "hub-api", namespace: "https://hub.example/" }),
    );
  });

  it("replaces a preset's rule whole with the one configured, and turns off officer or scopes with null", () => {
    const mapping = fromFile({
      preset: "keycloak",
      role: { claim: "realm_access.roles", prefix: "hub-" },
      officer: { claim: [["ext", "officer"]] },
      scopes: null,
    });
    expect(mapping.role).toEqual({ claim: "realm_access.roles", prefix: "hub-" });
    expect(mapping.officer).toEqual({ claim: [["ext", "officer"]] });
    expect(mapping.scopes).toBeNull();
    expect(mapping.agency).toEqual(claimPreset("keycloak", { audience: "migration-hub" }).agency);
  });

  it("maps a real token by a configured Entra tenant that serves one agency", () => {
    const mapping = fromFile({
      preset: "entra",
      agency: { value: "BORDER_POLICE" },
      country: { value: "AM" },
      role: { claim: "roles", prefix: "Role.", case: "lower", aliases: { officer: "border-officer" } },
    });
    const caller = mapClaims(
      { sub: "s", oid: "o-1", azp: "app-1", roles: ["Role.Officer", "Purpose.BORDER_CHECK"] },
      mapping,
      "AM",
    );
    expect(caller.principal).toMatchObject({ subject: "o-1", agency: "BORDER_POLICE", role: "border-officer" });
  });

  it("refuses at start a constant no token could satisfy", () => {
    expect(problem({ agency: { value: "BORDER_POLIZEI" } })).toBe(
      "Invalid claim mapping: claims.agency.value: must be an agency of the hub",
    );
    expect(problem({ country: { value: "Armenia" } })).toMatch(/claims\.country\.value: must be an ISO/);
    expect(problem({ purposes: { value: "BORDER_CHECK RESEARH" } })).toMatch(/claims\.purposes\.value/);
    expect(problem({ authority: { value: "tr-pmm" } })).toMatch(/claims\.authority\.value/);
    expect(problem({ agency: { value: "BORDER_POLICE" }, authority: { value: "TR-PMM" } })).toMatch(/one body/);
    // Case and aliases apply to a constant as to a claim.
    expect(claimMappingFromConfig({ agency: { value: "bp", aliases: { bp: "BORDER_POLICE" } } }, "h").agency).toEqual({
      value: "bp",
      aliases: { bp: "BORDER_POLICE" },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ["a misspelt attribute", { agnecy: { claim: "agency" } }, /agnecy/],
    ["a misspelt rule field", { agency: { claims: "agency" } }, /claims/],
    ["an unknown preset", { preset: "okta" }, /preset/],
    ["a claim and a constant at once", { agency: { claim: "agency", value: "BORDER_POLICE" } }, /not both/],
    ["an empty path segment", { role: { claim: "realm_access..roles" } }, /empty segment/],
    ["a path deeper than eight segments", { role: { claim: [Array.from({ length: 9 }, () => "a")] } }, /claims\.role/],
    ["an unknown case", { role: { claim: "role", case: "title" } }, /claims\.role\.case/],
    ["a number for a claim", { role: { claim: 7 } }, /claims\.role\.claim/],
    ["a scope rule without a prefix", { scopes: { claim: "scope" } }, /claims\.scopes\.prefix/],
    ["an alias named __proto__", JSON.parse('{"role": {"claim": "r", "aliases": {"__proto__": "x"}}}'), /__proto__/],
    ["a rule that is a string", { role: "roles" }, /claims\.role/],
    [
      "a __proto__ key among the attributes",
      JSON.parse('{"__proto__": {"agency": {"value": "HUB_OPERATOR"}}}'),
      /__proto__/,
    ],
    ["a __proto__ key in a rule", JSON.parse('{"agency": {"__proto__": {"value": "HUB_OPERATOR"}}}'), /__proto__/],
  ])("refuses %s, naming where", (_name, input, message) => {
    expect(problem(input)).toMatch(message);
  });

  it("accepts its own output again, as the providers file schema hands it on", () => {
    const input = { preset: "entra", agency: { value: "BORDER_POLICE" }, scopes: { claim: "scp", prefix: "Purpose." } };
    const once = claimMappingConfigSchema.parse(input);
    expect(claimMappingConfigSchema.parse(once)).toEqual(once);
    expect(claimMappingFromConfig({ preset: "hub", ...once }, "h")).toEqual(claimMappingFromConfig(input, "h"));
  });

  it("leaves the preset it started from untouched for the next issuer", () => {
    fromFile({ preset: "keycloak", role: { claim: "roles" } });
    expect(claimPreset("keycloak", { audience: "migration-hub" }).role).toEqual({
      claim: [["resource_access", "migration-hub", "roles"]],
    });
  });
});
