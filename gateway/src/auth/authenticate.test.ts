// The authenticate stage under attack: what a request's own headers can change of the DPoP target, the log line and the challenge.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "@jest/globals";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { pino } from "pino";
import { loadConfig } from "../config";
import type { Refused } from "../pipeline/stages";
import { authenticate } from "./authenticate";
import { accessTokenHash, memoryReplayStore } from "./dpop";
import { TrustedIssuers } from "./TrustedIssuers";
import { createTokenVerifier } from "./verifyToken";

const ISSUER = "https://idp.example.gov/realms/hub";

async function hub(env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "authenticate-"));
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const jwks = path.join(dir, "idp.jwks.json");
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" }] }));
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    new Writable({ write: (chunk: Buffer, _e, done) => void (lines.push(JSON.parse(chunk.toString())), done()) }),
  );
  const config = loadConfig({ HUB_STATE_DIR: dir, HUB_ISSUER: ISSUER, HUB_JWKS: jwks, ...env });
  const issuers = new TrustedIssuers(config.identity, pino({ level: "silent" }));
  await issuers.start();
  const verifyToken = createTokenVerifier(config.identity, issuers, config.country, memoryReplayStore());
  const run = (headers: Record<string, string>) =>
    authenticate(
      { requestId: "r-1", startedAt: 0, method: "POST", headers, search: "", body: {}, operationName: null },
      { verifyToken, log, publicUrl: config.identity.publicUrl, hostStandsIn: config.demoMode },
    );
  return { key: privateKey, run, lines };
}

async function boundToken(key: CryptoKey) {
  const proofKey = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(proofKey.publicKey);
  const token = await new SignJWT({
    agency: "BORDER_POLICE",
    role: "border-officer",
    purposes: ["BORDER_CHECK"],
    country: "AM",
    cnf: { jkt: await calculateJwkThumbprint(jwk) },
  })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer(ISSUER)
    .setAudience("migration-hub")
    .setSubject("bp-border-control")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
  const proof = (htu: string) =>
    new SignJWT({ htm: "POST", htu, jti: `p-${Math.random()}`, ath: accessTokenHash(token) })
      .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk })
      .setIssuedAt()
      .sign(proofKey.privateKey);
  return { token, proof };
}

const outcome = (answer: Awaited<ReturnType<Awaited<ReturnType<typeof hub>>["run"]>>) =>
  "principal" in answer ? "accepted" : (answer as Refused).authentication;

describe("the DPoP target of a request", () => {
  it("is the configured public URL, whatever Host and X-Forwarded-Proto say", async () => {
    const b = await hub({ HUB_PUBLIC_URL: "https://hub-b.example.gov/graphql" });
    const { token, proof } = await boundToken(b.key);
    const captured = await proof("https://hub-a.example.gov/graphql");
    const answer = await b.run({
      authorization: `DPoP ${token}`,
      dpop: captured,
      host: "hub-a.example.gov",
      "x-forwarded-proto": "https",
    });
    expect(outcome(answer)).toMatchObject({ reason: "dpop-invalid" });
  });

  // Without HUB_PUBLIC_URL the target would be built from the request's own Host and X-Forwarded-Proto,
  // so a token and proof captured on their way to hub A would be accepted at hub B (same issuer and
  // audience, another replay store) by a replayer who sends Host: hub-a: outside demo mode a bound
  // token is refused until HUB_PUBLIC_URL says which address proofs must name.
  it("refuses a proof made for another hub when no public URL is configured", async () => {
    const b = await hub();
    const { token, proof } = await boundToken(b.key);
    const captured = await proof("https://hub-a.example.gov/graphql");
    const answer = await b.run({
      authorization: `DPoP ${token}`,
      dpop: captured,
      host: "hub-a.example.gov",
      "x-forwarded-proto": "https",
    });
    expect(outcome(answer)).toMatchObject({ reason: "dpop-refused" });
  });
});

describe("what a refusal tells", () => {
  it("logs and audits no key id a forger chose, and the challenge echoes nothing of the request", async () => {
    const b = await hub({ HUB_KEYS_COOLDOWN_SECONDS: "60" });
    const forger = await generateKeyPair("ES256");
    const planted = 'x",error="insufficient_scope';
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: planted })
      .setIssuer(ISSUER)
      .setAudience("migration-hub")
      .setSubject("s")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(forger.privateKey);
    const answer = await b.run({ authorization: `Bearer ${token}` });
    expect(outcome(answer)).toEqual({ reason: "unknown-key", issuer: ISSUER, keyId: null });
    expect(b.lines).toContainEqual(expect.objectContaining({ msg: "token rejected", keyId: null }));
    const challenge = (answer as { headers?: Record<string, string> }).headers?.["www-authenticate"] ?? "";
    expect(challenge).toMatch(/^Bearer realm="migration-hub", error="invalid_token", error_description="[^"]*"$/);
    expect(challenge).not.toContain("insufficient_scope");
  });
});
