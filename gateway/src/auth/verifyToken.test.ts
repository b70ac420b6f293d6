import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { exportJWK, generateKeyPair, type JWTPayload } from "jose";
import { loadConfig } from "../config";
import { mintToken } from "./mintToken";
import { VerifiedTokenCache } from "./VerifiedTokenCache";
import { createTokenVerifier, MAX_TOKEN_CHARS, principalFromClaims } from "./verifyToken";

const domestic: JWTPayload = {
  sub: "officer-0147",
  agency: "BORDER_POLICE",
  role: "border-officer",
  purposes: ["BORDER_CHECK"],
  country: "AM",
};
const foreign: JWTPayload = {
  sub: "tr-pmm-readmission-017",
  authority: "TR-PMM",
  role: "readmission-officer",
  purposes: ["RETURN_ENFORCEMENT"],
  country: "TR",
};

const refusal = (payload: JWTPayload) => {
  try {
    principalFromClaims(payload, "", "AM");
  } catch (error) {
    const e = error as { message: string; extensions?: { code?: string } };
    return { code: e.extensions?.code, message: e.message };
  }
  throw new Error("the claims were accepted");
};

describe("principalFromClaims", () => {
  it("reads a domestic caller's agency", () => {
    expect(principalFromClaims(domestic, "", "AM")).toEqual({
      subject: "officer-0147",
      agency: "BORDER_POLICE",
      role: "border-officer",
      purposes: ["BORDER_CHECK"],
      country: "AM",
      cases: [],
    });
  });

  it("reads a foreign caller's authority as the body it acts for", () => {
    expect(principalFromClaims(foreign, "", "AM")).toMatchObject({ agency: "TR-PMM", country: "TR" });
    const namespaced = Object.fromEntries(
      Object.entries(foreign).map(([k, v]) => [k === "sub" ? k : `https://hub.example/${k}`, v]),
    );
    expect(principalFromClaims(namespaced, "https://hub.example/", "AM")).toMatchObject({ agency: "TR-PMM" });
  });

  it("accepts a domestic agency claimed from abroad: the policies then grant it nothing (R14-2)", () => {
    expect(principalFromClaims({ ...domestic, country: "TR" }, "", "AM")).toMatchObject({
      agency: "BORDER_POLICE",
      country: "TR",
    });
  });

  it.each<[string, JWTPayload, string]>([
    ["both an agency and an authority", { ...foreign, agency: "MIGRATION_SERVICE" }, "authority"],
    ["an authority in the agency claim", { ...domestic, agency: "TR-PMM", country: "TR" }, "agency"],
    ["an agency in the authority claim", { ...foreign, authority: "BORDER_POLICE" }, "authority"],
    ["an authority of another country than the token's", { ...foreign, country: "GE" }, "authority"],
    ["an authority of the hub's own country", { ...foreign, authority: "AM-POLICE", country: "AM" }, "country"],
    ["a lower-case authority", { ...foreign, authority: "tr-pmm" }, "authority"],
    ["an authority with a path", { ...foreign, authority: "TR-PMM/../BORDER_POLICE" }, "authority"],
    ["an authority that is not a string", { ...foreign, authority: ["TR-PMM"] }, "authority"],
    ["an empty authority", { ...foreign, authority: "" }, "authority"],
    ["a very long authority", { ...foreign, authority: `TR-${"A".repeat(200)}` }, "authority"],
    ["a country that is no code", { ...foreign, country: "Turkey" }, "country"],
    ["neither an agency nor an authority", { ...domestic, agency: undefined }, "agency"],
  ])("refuses %s as UNAUTHENTICATED, naming the claim", (_name, payload, field) => {
    expect(refusal(payload)).toEqual({
      code: "UNAUTHENTICATED",
      message: `The token's claims do not describe a hub principal ("${field}" is missing or invalid).`,
    });
  });
});

describe("createTokenVerifier", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verify-token-"));
  const setup = (async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "test-idp", alg: "ES256" };
    const jwksPath = path.join(dir, "idp.jwks.json");
    writeFileSync(jwksPath, JSON.stringify({ keys: [jwk] }));
    const config = loadConfig({ HUB_JWKS: jwksPath, HUB_STATE_DIR: dir });
    const token = await mintToken(
      { key: privateKey, kid: "test-idp", alg: "ES256" },
      principalFromClaims(domestic, "", "AM"),
      {
        issuer: config.issuer,
        audience: config.audience,
        ttlSeconds: 600,
      },
    );
    return { config, token };
  })();

  it("verifies a token once and serves its principal from the cache until it expires", async () => {
    const { config, token } = await setup;
    const cache = new VerifiedTokenCache();
    const verify = createTokenVerifier(config, cache);
    const first = await verify(`Bearer ${token}`);
    expect(first).toMatchObject({ subject: "officer-0147", agency: "BORDER_POLICE" });
    expect(cache.size).toBe(1);
    expect(await verify(`Bearer ${token}`)).toBe(first);
  });

  it("verifies again once the cached entry has expired", async () => {
    const { config, token } = await setup;
    let now = Date.now();
    const cache = new VerifiedTokenCache({ now: () => now });
    const verify = createTokenVerifier(config, cache);
    const first = await verify(`Bearer ${token}`);
    now += 601_000;
    const second = await verify(`Bearer ${token}`);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it("never caches a refusal: a tampered token is refused every time", async () => {
    const { config, token } = await setup;
    const cache = new VerifiedTokenCache();
    const verify = createTokenVerifier(config, cache);
    const [header, payload, signature] = token.split(".");
    const tampered = `${header}.${payload}.${signature?.startsWith("A") ? "B" : "A"}${signature?.slice(1)}`;
    for (let i = 0; i < 2; i += 1) {
      await expect(verify(`Bearer ${tampered}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    }
    expect(cache.size).toBe(0);
  });
});

describe("createTokenVerifier with the identity provider's keys at a URL", () => {
  const token = (async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const config = loadConfig({ HUB_STATE_DIR: mkdtempSync(path.join(os.tmpdir(), "verify-url-")) });
    return mintToken({ key: privateKey, kid: "idp-1", alg: "ES256" }, principalFromClaims(domestic, "", "AM"), {
      issuer: config.issuer,
      audience: config.audience,
      ttlSeconds: 600,
    });
  })();

  /** A provider that answers every request with `status` (and a body that is no key set). */
  async function provider(status: number): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer((_req, res) => res.writeHead(status, { "content-type": "text/plain" }).end("no"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/jwks`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  const verifierAt = (url: string) =>
    createTokenVerifier(
      loadConfig({ HUB_JWKS: url, HUB_STATE_DIR: mkdtempSync(path.join(os.tmpdir(), "verify-url-")) }),
    );

  it.each([500, 503, 404, 200])(
    "answers AUTHENTICATION_UNAVAILABLE, not a bad token, when the provider answers %i without keys",
    async (status) => {
      const idp = await provider(status);
      try {
        await expect(verifierAt(idp.url)(`Bearer ${await token}`)).rejects.toMatchObject({
          extensions: { code: "AUTHENTICATION_UNAVAILABLE" },
        });
      } finally {
        await idp.close();
      }
    },
  );

  it("answers AUTHENTICATION_UNAVAILABLE when nothing listens at the provider's address", async () => {
    const idp = await provider(200);
    await idp.close();
    await expect(verifierAt(idp.url)(`Bearer ${await token}`)).rejects.toMatchObject({
      extensions: { code: "AUTHENTICATION_UNAVAILABLE" },
    });
  });
});

describe("reading the Authorization header", () => {
  // Nothing is fetched from this address: every header below is refused before any key is needed.
  const verify = createTokenVerifier(
    loadConfig({
      HUB_JWKS: "http://127.0.0.1:9/jwks",
      HUB_STATE_DIR: mkdtempSync(path.join(os.tmpdir(), "verify-header-")),
    }),
  );
  const message = async (authorization: string | undefined) => {
    try {
      await verify(authorization);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("accepted");
  };

  it("tells a missing, a misshapen, an overlong and a non-JWT token apart", async () => {
    expect(await message(undefined)).toMatch(/bearer token is required/);
    expect(await message("Basic dXNlcjpwYXNz")).toMatch(/must be "Bearer <JWT>"/);
    expect(await message(`Bearer ${"a".repeat(MAX_TOKEN_CHARS)}.b.c`)).toBe(
      `The bearer token is longer than ${MAX_TOKEN_CHARS} characters.`,
    );
    expect(await message("Bearer not-a-jwt")).toMatch(/not a JWT/);
  });
});
