// Attempts to get a token past the verifier that its rules say must be refused: issuer, key, algorithm and cache confusion.
import { mkdtempSync, writeFileSync } from "node:fs";
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
const OTHER = "https://other-idp.example.gov/realms/hub";
const HUB_URL = "https://hub.example.gov/graphql";
const silent = pino({ level: "silent" });

const claims = {
  agency: "BORDER_POLICE",
  role: "border-officer",
  purposes: ["BORDER_CHECK"],
  country: "AM",
  client_id: "bp-border-control",
};

interface Key {
  privateKey: CryptoKey;
  jwk: JWK;
  kid: string;
}

async function keyOf(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { privateKey, kid, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
}

/** A provider whose key file the test rewrites (a file source is read again on refresh()). */
async function provider(keys: Key[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verify-attacks-"));
  const jwks = path.join(dir, "idp.jwks.json");
  const publish = (published: Key[]) => writeFileSync(jwks, JSON.stringify({ keys: published.map((k) => k.jwk) }));
  publish(keys);
  const config = loadConfig({ HUB_STATE_DIR: dir, HUB_ISSUER: ISSUER, HUB_JWKS: jwks, ...env });
  const issuers = new TrustedIssuers(config.identity, silent);
  await issuers.start();
  const cache = new VerifiedTokenCache<VerifiedToken>();
  const verify = createTokenVerifier(config.identity, issuers, config.country, memoryReplayStore(), cache);
  const keys_ = () => {
    const trusted = issuers.get(ISSUER);
    if (!trusted) throw new Error("the issuer is not trusted");
    return trusted.keys;
  };
  return { verify, issuers, cache, publish, keys: keys_ };
}

function sign(key: Key, extra: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const standard = { iss: ISSUER, aud: "migration-hub", sub: "bp-border-control", iat: now, exp: now + 600 };
  return new SignJWT({ ...standard, ...claims, jti: "token-0001", ...extra })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "at+jwt", ...header })
    .sign(key.privateKey);
}

const bearer = (token: string, extra: Partial<TokenRequest> = {}): TokenRequest => ({
  authorization: `Bearer ${token}`,
  dpop: [],
  method: "POST",
  url: HUB_URL,
  ...extra,
});

interface Refusal {
  code: string | undefined;
  reason: string | undefined;
  issuer: string | null;
  keyId: string | null;
}

async function refusalOf(promise: Promise<VerifiedCaller>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      extensions: { code?: string; reason?: string };
      issuer?: string | null;
      keyId?: string | null;
    };
    return { code: e.extensions.code, reason: e.extensions.reason, issuer: e.issuer ?? null, keyId: e.keyId ?? null };
  }
  throw new Error("the token was accepted");
}

/** The token's header without its `kid`: jose then picks the one key of the set that fits. */
async function withoutKid(key: Key): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: ISSUER,
    aud: "migration-hub",
    sub: "bp-border-control",
    iat: now,
    exp: now + 600,
    ...claims,
  })
    .setProtectedHeader({ alg: "ES256", typ: "at+jwt" })
    .sign(key.privateKey);
}

describe("a cached token whose key stops being trusted", () => {
  it("is refused once the key it was verified with is distrusted, even when the token named no kid", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1]);
    const token = await withoutKid(k1);
    await expect(idp.verify(bearer(token))).resolves.toBeDefined();
    idp.keys().distrust("k1");
    expect(await refusalOf(idp.verify(bearer(token)))).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("is refused once the provider no longer publishes its key, even when the token named no kid", async () => {
    const k1 = await keyOf("k1");
    const k2 = await keyOf("k2");
    const idp = await provider([k1]);
    const token = await withoutKid(k1);
    await expect(idp.verify(bearer(token))).resolves.toBeDefined();
    idp.publish([k2]);
    await idp.keys().refresh();
    expect(await refusalOf(idp.verify(bearer(token)))).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("is refused once its kid is removed at the provider (a token with a kid)", async () => {
    const k1 = await keyOf("k1");
    const k2 = await keyOf("k2");
    const idp = await provider([k1, k2]);
    const token = await sign(k1);
    await expect(idp.verify(bearer(token))).resolves.toBeDefined();
    idp.publish([k2]);
    await idp.keys().refresh();
    expect(await refusalOf(idp.verify(bearer(token)))).toMatchObject({ reason: "unknown-key" });
  });

  it("a DPoP-bound token verified and cached is still refused when replayed as a bearer token", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1]);
    const proofKey = await generateKeyPair("ES256", { extractable: true });
    const jwk = await exportJWK(proofKey.publicKey);
    const token = await sign(k1, { cnf: { jkt: await calculateJwkThumbprint(jwk) } });
    const proof = await new SignJWT({ htm: "POST", htu: HUB_URL, jti: "p-1", ath: accessTokenHash(token) })
      .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk })
      .setIssuedAt()
      .sign(proofKey.privateKey);
    const bound = await idp.verify(bearer(token, { authorization: `DPoP ${token}`, dpop: [proof] }));
    expect(bound.caller.binding).toBe("dpop");
    expect(idp.cache.size).toBe(1);
    expect(await refusalOf(idp.verify(bearer(token)))).toMatchObject({ reason: "dpop-required" });
    // The same proof a second time is a replay, cached token or not.
    expect(await refusalOf(idp.verify(bearer(token, { authorization: `DPoP ${token}`, dpop: [proof] })))).toMatchObject(
      { reason: "dpop-replayed" },
    );
  });
});

describe("a distrust list with an unusable key id", () => {
  it("changes nothing, rather than refusing the kid by name while its key still verifies kid-less tokens", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1]);
    expect(() => idp.keys().setDistrusted(["k1", ""])).toThrow();
    expect(idp.keys().status().distrusted).toEqual([]);
    idp.keys().setDistrusted(["k1"]);
    expect(await refusalOf(idp.verify(bearer(await withoutKid(k1))))).toMatchObject({ reason: "unknown-key" });
  });
});

describe("a confirmation claim the hub cannot read", () => {
  it.each<[string, unknown]>([
    ["a string", "jkt"],
    ["a number", 1],
    ["true", true],
    ["null", null],
  ])("refuses a token whose cnf is %s rather than taking it as a bearer token", async (_name, cnf) => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1]);
    expect(await refusalOf(idp.verify(bearer(await sign(k1, { cnf }))))).toMatchObject({ reason: "dpop-refused" });
  });
});

describe("what a refusal keeps of an unverified token", () => {
  it("names no key id the issuer never published (the audit record and the log keep it)", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1], { HUB_KEYS_COOLDOWN_SECONDS: "60" });
    const forger = await keyOf("k1");
    const planted = "operator-jdoe-approved-this-login";
    const refused = await refusalOf(idp.verify(bearer(await sign(forger, {}, { kid: planted }))));
    expect(refused).toMatchObject({ reason: "unknown-key", issuer: ISSUER, keyId: null });
  });

  it("still names a published key id when the signature is bad, and a distrusted one", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1]);
    const forger = await keyOf("k1");
    expect(await refusalOf(idp.verify(bearer(await sign(forger))))).toMatchObject({
      reason: "bad-signature",
      keyId: "k1",
    });
    idp.keys().distrust("k1");
    expect(await refusalOf(idp.verify(bearer(await sign(k1))))).toMatchObject({
      reason: "distrusted-key",
      keyId: "k1",
    });
  });
});

describe("confusion that holds", () => {
  it.each<[string, unknown]>([
    ["with a trailing slash", `${ISSUER}/`],
    ["in another case", ISSUER.toUpperCase()],
    ["as an array", [ISSUER]],
    ["as a number", 1],
    ["with a lookalike character", ISSUER.replace("e", "\u0435")],
    ["with a trailing space", `${ISSUER} `],
  ])("refuses an iss %s", async (_name, iss) => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1]);
    expect(await refusalOf(idp.verify(bearer(await sign(k1, { iss }))))).toMatchObject({
      reason: "unknown-issuer",
      issuer: null,
    });
  });

  it("never verifies one trusted issuer's token with another's keys", async () => {
    const mine = await keyOf("shared-kid");
    const theirs = await keyOf("shared-kid");
    const dir = mkdtempSync(path.join(os.tmpdir(), "verify-attacks-"));
    const file = path.join(dir, "providers.yaml");
    const mineFile = path.join(dir, "mine.json");
    const theirsFile = path.join(dir, "theirs.json");
    writeFileSync(mineFile, JSON.stringify({ keys: [mine.jwk] }));
    writeFileSync(theirsFile, JSON.stringify({ keys: [theirs.jwk] }));
    writeFileSync(
      file,
      `issuers:\n  - issuer: ${ISSUER}\n    audiences: [migration-hub]\n    jwks: mine.json\n  - issuer: ${OTHER}\n    audiences: [migration-hub]\n    jwks: theirs.json\n`,
    );
    const config = loadConfig({ HUB_STATE_DIR: dir, HUB_IDENTITY_PROVIDERS: file });
    const issuers = new TrustedIssuers(config.identity, silent);
    await issuers.start();
    const verify = createTokenVerifier(config.identity, issuers, config.country, memoryReplayStore());
    // The other issuer's key signs a token that names this issuer, under the same kid.
    expect(await refusalOf(verify(bearer(await sign(theirs))))).toMatchObject({ reason: "bad-signature" });
    await expect(verify(bearer(await sign(theirs, { iss: OTHER })))).resolves.toBeDefined();
    // Distrusting a kid at one issuer leaves the same kid at another alone.
    issuers.get(OTHER)?.keys.distrust("shared-kid");
    await expect(verify(bearer(await sign(mine)))).resolves.toBeDefined();
  });

  it("refuses HS256 signed with the public key, alg none, and an alg the key is not for", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1], { HUB_ALGORITHMS: "ES256,ES384,RS256" });
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: ISSUER, aud: "migration-hub", sub: "x", iat: now, exp: now + 600, ...claims };
    const secret = new TextEncoder().encode(JSON.stringify(k1.jwk));
    const hs = await new SignJWT(payload).setProtectedHeader({ alg: "HS256", kid: "k1" }).sign(secret);
    expect(await refusalOf(idp.verify(bearer(hs)))).toMatchObject({ reason: "algorithm" });
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const none = `${b64({ alg: "none", kid: "k1" })}.${b64(payload)}.`;
    expect(await refusalOf(idp.verify(bearer(none)))).toMatchObject({ code: "UNAUTHENTICATED" });
    const p384 = await generateKeyPair("ES384");
    const es384 = await new SignJWT(payload).setProtectedHeader({ alg: "ES384", kid: "k1" }).sign(p384.privateKey);
    expect(await refusalOf(idp.verify(bearer(es384)))).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a token without a kid when several keys fit", async () => {
    const k1 = await keyOf("k1");
    const k2 = await keyOf("k2");
    const idp = await provider([k1, k2], { HUB_KEYS_COOLDOWN_SECONDS: "60" });
    expect(await refusalOf(idp.verify(bearer(await withoutKid(k1))))).toMatchObject({ reason: "unknown-key" });
  });

  it("refuses a kid with path characters, and a very long one, without naming it", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1], { HUB_KEYS_COOLDOWN_SECONDS: "60" });
    for (const kid of ["../../k1", "k1\u0000", "k".repeat(5000)]) {
      const refused = await refusalOf(idp.verify(bearer(await sign(k1, {}, { kid }))));
      expect(refused.code).toBe("UNAUTHENTICATED");
      expect(refused.keyId).not.toBe(kid);
    }
  });

  it("checks typ on every token when required, ID tokens and JWTs without typ included", async () => {
    const k1 = await keyOf("k1");
    const idp = await provider([k1], { HUB_TOKEN_TYPE: "at+jwt" });
    for (const typ of ["JWT", "id+jwt", "at+jwt2", undefined]) {
      const token = await sign(k1, {}, { typ });
      expect(await refusalOf(idp.verify(bearer(token)))).toMatchObject({ reason: "wrong-type" });
    }
    await expect(idp.verify(bearer(await sign(k1, {}, { typ: "application/AT+JWT" })))).resolves.toBeDefined();
  });
});
