import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { pino } from "pino";
import { loadConfig } from "../config";
import { accessTokenHash, memoryReplayStore } from "./dpop";
import { TrustedIssuers } from "./TrustedIssuers";
import { VerifiedTokenCache } from "./VerifiedTokenCache";
import { createTokenVerifier, type TokenRequest, type VerifiedCaller, type VerifiedToken } from "./verifyToken";

const ISSUER = "https://idp.example.gov/realms/hub";
const HUB_URL = "https://hub.example.gov/graphql";
const silent = pino({ level: "silent" });
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "verify-token-"));

const claims = {
  agency: "BORDER_POLICE",
  role: "border-officer",
  purposes: ["BORDER_CHECK"],
  country: "AM",
  client_id: "bp-border-control",
};

interface Provider {
  key: CryptoKey;
  kid: string;
  env: Record<string, string>;
}

/** An identity provider's key pair, its public half in a key file the gateway is pointed at. */
async function provider(env: Record<string, string> = {}): Promise<Provider> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = "hub-test-2026";
  const dir = tempDir();
  const jwks = path.join(dir, "idp.jwks.json");
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }] }));
  return { key: privateKey, kid, env: { HUB_STATE_DIR: dir, HUB_ISSUER: ISSUER, HUB_JWKS: jwks, ...env } };
}

function sign(p: Provider, extra: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const standard = { iss: ISSUER, aud: "migration-hub", sub: "bp-border-control", iat: now, exp: now + 600 };
  return new SignJWT({ ...standard, ...claims, jti: "token-0001", ...extra })
    .setProtectedHeader({ alg: "ES256", kid: p.kid, typ: "at+jwt", ...header })
    .sign(p.key);
}

async function verifierOf(p: Provider, cache = new VerifiedTokenCache<VerifiedToken>()) {
  const config = loadConfig(p.env);
  const issuers = new TrustedIssuers(config.identity, silent);
  await issuers.start();
  const verify = createTokenVerifier(config.identity, issuers, config.country, memoryReplayStore(), cache);
  return { verify, issuers };
}

const bearer = (token: string, extra: Partial<TokenRequest> = {}): TokenRequest => ({
  authorization: `Bearer ${token}`,
  dpop: [],
  method: "POST",
  url: HUB_URL,
  ...extra,
});

async function refusalOf(promise: Promise<VerifiedCaller>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { message: string; extensions: { code?: string; reason?: string }; issuer?: string | null };
    return { code: e.extensions.code, reason: e.extensions.reason, message: e.message, issuer: e.issuer ?? null };
  }
  throw new Error("the token was accepted");
}

describe("createTokenVerifier", () => {
  it("gives the principal and the caller's provenance: issuer, client, token and key ids", async () => {
    const p = await provider();
    const { verify } = await verifierOf(p);
    expect(await verify(bearer(await sign(p)))).toEqual({
      principal: {
        subject: "bp-border-control",
        agency: "BORDER_POLICE",
        role: "border-officer",
        purposes: ["BORDER_CHECK"],
        country: "AM",
        cases: [],
      },
      caller: {
        issuer: ISSUER,
        clientId: "bp-border-control",
        tokenId: "token-0001",
        keyId: p.kid,
        onBehalfOf: null,
        delegation: null,
        binding: "bearer",
      },
    });
  });

  it("records the officer a system acts for (RFC 8693 act)", async () => {
    const p = await provider();
    const { verify } = await verifierOf(p);
    const token = await new SignJWT({ ...claims, act: { sub: "bp-border-control" } })
      .setProtectedHeader({ alg: "ES256", kid: p.kid })
      .setIssuer(ISSUER)
      .setAudience("migration-hub")
      .setSubject("officer-0147")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(p.key);
    const { principal, caller } = await verify(bearer(token));
    expect(principal.subject).toBe("bp-border-control");
    expect(caller).toMatchObject({ onBehalfOf: "officer-0147", delegation: "act" });
  });

  it("verifies a token once, serves it from the cache, and stops serving it once its key is distrusted", async () => {
    const p = await provider();
    const cache = new VerifiedTokenCache<VerifiedToken>();
    const { verify, issuers } = await verifierOf(p, cache);
    const token = await sign(p);
    const first = await verify(bearer(token));
    expect(cache.size).toBe(1);
    expect((await verify(bearer(token))).principal).toBe(first.principal);
    issuers.get(ISSUER)?.keys.distrust(p.kid);
    expect(await refusalOf(verify(bearer(token)))).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "distrusted-key",
      issuer: ISSUER,
    });
  });

  it("never caches a refusal: a tampered token is refused every time", async () => {
    const p = await provider();
    const cache = new VerifiedTokenCache<VerifiedToken>();
    const { verify } = await verifierOf(p, cache);
    const [header, payload, signature] = (await sign(p)).split(".");
    const tampered = `${header}.${payload}.${signature?.startsWith("A") ? "B" : "A"}${signature?.slice(1)}`;
    for (let i = 0; i < 2; i += 1) {
      expect(await refusalOf(verify(bearer(tampered)))).toMatchObject({ reason: "bad-signature" });
    }
    expect(cache.size).toBe(0);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ["another issuer", { iss: "https://other.example.gov" }, {}, "unknown-issuer"],
    ["another audience", { aud: "another-service" }, {}, "wrong-audience"],
    ["an expired token", { exp: Math.floor(Date.now() / 1000) - 120 }, {}, "expired"],
    ["claims that describe no principal", { agency: "NOBODY" }, {}, "claims-unfit"],
    ["a key id the provider does not have", {}, { kid: "not-a-key" }, "unknown-key"],
  ])("refuses %s with its reason", async (_name, extra, header, reason) => {
    const p = await provider({ HUB_KEYS_COOLDOWN_SECONDS: "60" });
    const { verify } = await verifierOf(p);
    expect(await refusalOf(verify(bearer(await sign(p, extra, header))))).toMatchObject({
      code: "UNAUTHENTICATED",
      reason,
    });
  });

  it("accepts any of the configured audiences", async () => {
    const p = await provider({ HUB_AUDIENCE: "api://hub,migration-hub" });
    const { verify } = await verifierOf(p);
    await expect(verify(bearer(await sign(p, { aud: "api://hub" })))).resolves.toBeDefined();
  });

  it("requires the RFC 9068 type when HUB_TOKEN_TYPE=at+jwt", async () => {
    const p = await provider({ HUB_TOKEN_TYPE: "at+jwt" });
    const { verify } = await verifierOf(p);
    await expect(verify(bearer(await sign(p)))).resolves.toBeDefined();
    expect(await refusalOf(verify(bearer(await sign(p, {}, { typ: "JWT" }))))).toMatchObject({
      reason: "wrong-type",
    });
  });

  it("allows the configured clock tolerance, and no more", async () => {
    const expiredAgo = (seconds: number) => ({ exp: Math.floor(Date.now() / 1000) - seconds });
    const lenient = await provider({ HUB_CLOCK_TOLERANCE_SECONDS: "60" });
    await expect(
      (await verifierOf(lenient)).verify(bearer(await sign(lenient, expiredAgo(20)))),
    ).resolves.toBeDefined();
    const strict = await provider({ HUB_CLOCK_TOLERANCE_SECONDS: "0" });
    expect(
      await refusalOf((await verifierOf(strict)).verify(bearer(await sign(strict, expiredAgo(20))))),
    ).toMatchObject({ reason: "expired" });
  });
});

describe("sender-constrained (DPoP) tokens", () => {
  async function bound() {
    const p = await provider();
    const proofKey = await generateKeyPair("ES256", { extractable: true });
    const jwk: JWK = await exportJWK(proofKey.publicKey);
    const token = await sign(p, { cnf: { jkt: await calculateJwkThumbprint(jwk) } });
    const proof = (htu: string) =>
      new SignJWT({ htm: "POST", htu, jti: `proof-${Math.random()}`, ath: accessTokenHash(token) })
        .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk })
        .setIssuedAt()
        .sign(proofKey.privateKey);
    return { p, token, proof };
  }

  it("accepts a bound token with the DPoP scheme and a proof of its key", async () => {
    const { p, token, proof } = await bound();
    const { verify } = await verifierOf(p);
    const answer = await verify(bearer(token, { authorization: `DPoP ${token}`, dpop: [await proof(HUB_URL)] }));
    expect(answer.caller.binding).toBe("dpop");
  });

  it("never takes a bound token as a bearer token, and names the DPoP challenge", async () => {
    const { p, token } = await bound();
    const { verify } = await verifierOf(p);
    const refused = await verify(bearer(token)).catch(
      (error: unknown) => error as { challenge?: string; reason: string },
    );
    expect(refused).toMatchObject({ reason: "dpop-required", detail: "bound-token-as-bearer" });
    expect((refused as { challenge?: string }).challenge).toMatch(/^DPoP /);
  });

  it("refuses a proof made for another address", async () => {
    const { p, token, proof } = await bound();
    const { verify } = await verifierOf(p);
    const request = bearer(token, {
      authorization: `DPoP ${token}`,
      dpop: [await proof("https://elsewhere.example/graphql")],
    });
    expect(await refusalOf(verify(request))).toMatchObject({ reason: "dpop-invalid" });
  });
});

describe("an identity provider that cannot be reached", () => {
  /** A provider that answers every request with `status` (and a body that is no key set). */
  async function unreachable(status: number): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer((_req, res) => res.writeHead(status, { "content-type": "text/plain" }).end("no"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it.each([500, 503, 404, 200])(
    "answers AUTHENTICATION_UNAVAILABLE, not a bad token, when the provider answers %i without keys",
    async (status) => {
      const p = await provider();
      const idp = await unreachable(status);
      try {
        const { verify } = await verifierOf({ ...p, env: { ...p.env, HUB_JWKS: `${idp.url}/jwks` } });
        expect(await refusalOf(verify(bearer(await sign(p))))).toMatchObject({
          code: "AUTHENTICATION_UNAVAILABLE",
          reason: "keys-unavailable",
        });
      } finally {
        await idp.close();
      }
    },
  );
});

describe("reading the Authorization header", () => {
  it("tells a missing, a misshapen, an overlong and a non-JWT token apart", async () => {
    const p = await provider({ HUB_MAX_TOKEN_CHARS: "2000" });
    const { verify } = await verifierOf(p);
    const reason = async (authorization: string | undefined) =>
      (await refusalOf(verify({ ...bearer(""), authorization }))).reason;
    expect(await reason(undefined)).toBe("missing-token");
    expect(await reason("Basic dXNlcjpwYXNz")).toBe("wrong-scheme");
    expect(await reason(`Bearer ${"a".repeat(2000)}.b.c`)).toBe("token-too-long");
    expect(await reason("Bearer not-a-jwt")).toBe("not-a-jwt");
  });
});
