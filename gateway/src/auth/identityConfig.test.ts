import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { loadConfig } from "../config";
import { DEVELOPMENT_MARK, ensureDevKey } from "./devKeys";
import { DEMO_ISSUER } from "./identityConfig";

const stateDir = () => mkdtempSync(path.join(os.tmpdir(), "identity-config-"));
const configOf = (env: Record<string, string>) => loadConfig({ HUB_STATE_DIR: stateDir(), ...env });
const refusal = (env: Record<string, string>) => {
  try {
    configOf(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
};

describe("trusted issuers from the environment", () => {
  it("trusts one issuer by URL, its keys found by discovery, with the hub's audience", () => {
    const { identity } = configOf({ HUB_ISSUER: "https://idp.example.gov/realms/hub" });
    expect(identity.issuers).toHaveLength(1);
    expect(identity.issuers[0]).toMatchObject({
      issuer: "https://idp.example.gov/realms/hub",
      audiences: ["migration-hub"],
      keys: { kind: "discovery" },
      tokenType: null,
      clockToleranceSeconds: 30,
      development: false,
    });
    expect(identity.maxTokenChars).toBe(8192);
  });

  it("trusts several issuers and audiences listed with commas", () => {
    const { identity } = configOf({
      HUB_ISSUER: "https://a.example.gov, https://b.example.gov",
      HUB_AUDIENCE: "migration-hub,api://hub",
    });
    expect(identity.issuers.map((i) => i.issuer)).toEqual(["https://a.example.gov", "https://b.example.gov"]);
    expect(identity.issuers[1]?.audiences).toEqual(["migration-hub", "api://hub"]);
  });

  it("reads an explicit JWKS URL or file for one issuer", () => {
    const url = configOf({ HUB_ISSUER: "https://idp.example.gov", HUB_JWKS: "https://idp.example.gov/keys" });
    expect(url.identity.issuers[0]?.keys).toEqual({ kind: "jwks-url", url: new URL("https://idp.example.gov/keys") });
    expect(
      refusal({ HUB_ISSUER: "https://a.example.gov,https://b.example.gov", HUB_JWKS: "https://a.example.gov/k" }),
    ).toMatch(/HUB_JWKS names the keys of one issuer/);
  });

  it.each([
    ["http on a public address", "http://idp.example.gov"],
    ["a URL with credentials", "https://user:pw@idp.example.gov"],
    ["not a URL", "idp.example.gov"],
  ])("refuses an issuer that is %s", (_name, issuer) => {
    expect(refusal({ HUB_ISSUER: issuer })).toMatch(/HUB_ISSUER: .* must be an https URL/);
  });

  it("accepts http on a loopback address, for a local trial", () => {
    expect(configOf({ HUB_ISSUER: "http://127.0.0.1:4400" }).identity.issuers[0]?.issuer).toBe("http://127.0.0.1:4400");
  });

  it("requires at least the oidc-provider preset's access token type, and honours HUB_TOKEN_TYPE", () => {
    expect(
      configOf({ HUB_ISSUER: "https://idp.example.gov", HUB_CLAIM_PRESET: "oidc-provider" }).identity.issuers[0]
        ?.tokenType,
    ).toBe("at+jwt");
    expect(
      configOf({ HUB_ISSUER: "https://idp.example.gov", HUB_TOKEN_TYPE: "at+jwt" }).identity.issuers[0]?.tokenType,
    ).toBe("at+jwt");
  });
});

describe("the development issuer", () => {
  it("is refused outside demo mode, and so is a configuration naming no issuer", () => {
    expect(refusal({ HUB_ISSUER: DEMO_ISSUER })).toMatch(/development issuer .* only with HUB_DEMO_MODE=true/);
    expect(refusal({})).toMatch(/HUB_ISSUER: name your identity provider's issuer URL/);
  });

  it("is trusted in demo mode, beside any issuer named", () => {
    const alone = configOf({ HUB_DEMO_MODE: "true" }).identity.issuers;
    expect(alone.map((i) => [i.issuer, i.development, i.tokenType])).toEqual([[DEMO_ISSUER, true, "at+jwt"]]);
    const beside = configOf({ HUB_DEMO_MODE: "true", HUB_ISSUER: "http://127.0.0.1:4400" }).identity.issuers;
    expect(beside.map((i) => i.issuer)).toEqual([DEMO_ISSUER, "http://127.0.0.1:4400"]);
  });

  it("has its keys refused outside demo mode wherever the file was copied to", async () => {
    const dir = stateDir();
    const files = await ensureDevKey(path.join(dir, "keys"), "idp");
    expect(refusal({ HUB_STATE_DIR: dir, HUB_ISSUER: "https://idp.example.gov", HUB_JWKS: files.publicJwks })).toMatch(
      /are the development provider's/,
    );
    const copy = path.join(stateDir(), "mounted.jwks.json");
    writeFileSync(copy, JSON.stringify({ keys: [], [DEVELOPMENT_MARK]: true }));
    expect(refusal({ HUB_ISSUER: "https://idp.example.gov", HUB_JWKS: copy })).toMatch(
      /are the development provider's/,
    );
  });
});

describe("trusted issuers from a file (HUB_IDENTITY_PROVIDERS)", () => {
  const fileWith = (text: string) => {
    const file = path.join(stateDir(), "identity.yaml");
    writeFileSync(file, text);
    return file;
  };

  it("reads each issuer's audiences, preset, keys and settings", () => {
    const file = fileWith(`issuers:
  - issuer: https://keycloak.example.gov/realms/hub
    audiences: [migration-hub]
    preset: keycloak
    tokenType: at+jwt
    clockToleranceSeconds: 10
    keys: { refreshSeconds: 300, staleSeconds: 3600, cooldownSeconds: 15 }
  - issuer: https://login.microsoftonline.com/tenant-id/v2.0
    audiences: ["api://migration-hub"]
    preset: entra
    dpop: refuse
`);
    const [keycloak, entra] = configOf({ HUB_IDENTITY_PROVIDERS: file }).identity.issuers;
    expect(keycloak).toMatchObject({
      tokenType: "at+jwt",
      clockToleranceSeconds: 10,
      keyCache: { refreshAfterMs: 300_000, staleIfErrorMs: 3_600_000, unknownKidCooldownMs: 15_000 },
    });
    expect(entra).toMatchObject({ audiences: ["api://migration-hub"], tokenType: null, dpop: { mode: "refuse" } });
  });

  it("names the file, the line and the setting of a mistake", () => {
    const file = fileWith(`issuers:
  - issuer: https://idp.example.gov
    audiences: [migration-hub]
    clockTolerance: 10
`);
    expect(refusal({ HUB_IDENTITY_PROVIDERS: file })).toMatch(new RegExp(`${file}:4: .*clockTolerance`));
  });

  it("refuses an issuer listed twice, and a file beside HUB_ISSUER", () => {
    const twice = fileWith(`issuers:
  - { issuer: "https://idp.example.gov", audiences: [a] }
  - { issuer: "https://idp.example.gov", audiences: [b] }
`);
    expect(refusal({ HUB_IDENTITY_PROVIDERS: twice })).toMatch(/each issuer may be listed once/);
    expect(refusal({ HUB_IDENTITY_PROVIDERS: twice, HUB_ISSUER: "https://idp.example.gov" })).toMatch(
      /set HUB_ISSUER or HUB_IDENTITY_PROVIDERS, not both/,
    );
  });
});
