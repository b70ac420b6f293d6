import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults to a loopback provider on 4400 whose issuer is its own address", () => {
    const config = loadConfig({ HUB_STATE_DIR: "/tmp/hub-state" });
    expect(config).toMatchObject({
      port: 4400,
      host: "127.0.0.1",
      issuer: "http://127.0.0.1:4400",
      stateDir: path.join("/tmp/hub-state", "identity-provider"),
      audience: "migration-hub",
      resource: "urn:migration-hub",
      tokenTtlSeconds: 600,
      purposesClaim: true,
    });
    expect(loadConfig({ PORT: "4500", HOST: "::1" }).issuer).toBe("http://[::1]:4500");
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ IDP_ISSUER: "ftp://idp.example" })).toThrow(/^Invalid configuration: IDP_ISSUER: /);
    expect(() => loadConfig({ IDP_ISSUER: "http://127.0.0.1:4400/" })).toThrow(/IDP_ISSUER: .*trailing slash/);
    expect(() => loadConfig({ IDP_RESOURCE: "migration-hub" })).toThrow(/IDP_RESOURCE: must be an absolute URI/);
    expect(() => loadConfig({ IDP_TOKEN_TTL_SECONDS: "0" })).toThrow(/IDP_TOKEN_TTL_SECONDS/);
    expect(() => loadConfig({ IDP_PURPOSES_CLAIM: "yes" })).toThrow(/IDP_PURPOSES_CLAIM/);
  });
});
