import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  base64url,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
} from "jose";
import { checkDpop, type DpopRequest } from "./checkDpop";
import { DpopRejected, type DpopRejectionReason } from "./DpopRejected";
import { DEFAULT_DPOP, type DpopSettings } from "./DpopSettings";
import { memoryReplayStore } from "./memoryReplayStore";
import { accessTokenHash } from "./verifyProof";

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const now = () => NOW;
const NOW_S = NOW / 1000;
const URL_ = "https://hub.example/graphql";

interface Holder {
  privateKey: CryptoKey;
  jwk: JWK;
  jkt: string;
  alg: string;
}

async function holder(alg = "ES256"): Promise<Holder> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk, jkt: await calculateJwkThumbprint(jwk), alg };
}

let provider: CryptoKey;
let alice: Holder;
let mallory: Holder;

/** An access token as the identity provider issues it; bound to `jkt` when given. */
async function accessToken(jkt?: string, cnf?: unknown): Promise<{ token: string; payload: JWTPayload }> {
  const payload: JWTPayload = { sub: "border-system", client_id: "border-system", iat: NOW_S, exp: NOW_S + 300 };
  if (jkt !== undefined) payload.cnf = { jkt };
  if (cnf !== undefined) payload.cnf = cnf;
  const token = await new SignJWT(payload).setProtectedHeader({ alg: "ES256", typ: "at+jwt" }).sign(provider);
  return { token, payload };
}

interface ProofOptions {
  header?: Partial<JWTHeaderParameters> & Record<string, unknown>;
  claims?: Record<string, unknown>;
  omit?: string[];
  signer?: CryptoKey;
}

/** A DPoP proof as a client makes it, with whatever is changed to test one rule. */
async function proof(by: Holder, token: string, options: ProofOptions = {}): Promise<string> {
  const claims: Record<string, unknown> = {
    jti: randomUUID(),
    htm: "POST",
    htu: URL_,
    iat: NOW_S,
    ath: accessTokenHash(token),
    ...options.claims,
  };
  for (const name of options.omit ?? []) delete claims[name];
  const header = { alg: by.alg, typ: "dpop+jwt", jwk: by.jwk, ...options.header } as JWTHeaderParameters;
  for (const name of options.omit ?? []) delete (header as Record<string, unknown>)[name];
  return new SignJWT(claims).setProtectedHeader(header).sign(options.signer ?? by.privateKey);
}

const request = (token: string, payload: JWTPayload, proofs: string[], overrides: Partial<DpopRequest> = {}) => ({
  scheme: "dpop" as const,
  accessToken: token,
  payload,
  proofs,
  method: "POST",
  url: URL_,
  ...overrides,
});

const check = (dpop: DpopRequest, settings: DpopSettings = DEFAULT_DPOP) =>
  checkDpop(dpop, settings, memoryReplayStore({ now }), now);

/** The refusal's reason; its message must never hold the token or the proof. */
async function refusal(dpop: DpopRequest, settings?: DpopSettings): Promise<DpopRejectionReason> {
  try {
    await check(dpop, settings);
  } catch (error) {
    if (!(error instanceof DpopRejected)) throw error;
    expect(error.message).not.toContain(dpop.accessToken);
    for (const part of dpop.proofs.flatMap((p) => p.split("."))) {
      if (part.length >= 16) expect(error.message).not.toContain(part);
    }
    expect(error.unavailable).toBe(false);
    return error.reason;
  }
  throw new Error("the request was accepted");
}

beforeAll(async () => {
  provider = (await generateKeyPair("ES256")).privateKey;
  alice = await holder();
  mallory = await holder();
});

describe("checkDpop: the token's binding and the scheme", () => {
  it("accepts a bound token with the DPoP scheme and a valid proof, returning the key thumbprint", async () => {
    const { token, payload } = await accessToken(alice.jkt);
    await expect(check(request(token, payload, [await proof(alice, token)]))).resolves.toEqual({ jkt: alice.jkt });
  });

  it.each(["EdDSA", "Ed25519", "RS256", "PS256"])("accepts a proof signed with %s", async (alg) => {
    const client = await holder(alg);
    const { token, payload } = await accessToken(client.jkt);
    await expect(check(request(token, payload, [await proof(client, token)]))).resolves.toEqual({ jkt: client.jkt });
  });

  it("refuses a bound token sent as a Bearer token, even with a valid proof: never downgraded", async () => {
    const { token, payload } = await accessToken(alice.jkt);
    const valid = await proof(alice, token);
    expect(await refusal(request(token, payload, [valid], { scheme: "bearer" }))).toBe("bound-token-as-bearer");
    expect(await refusal(request(token, payload, [], { scheme: "bearer" }))).toBe("bound-token-as-bearer");
  });

  it("refuses the DPoP scheme with a token that is not bound", async () => {
    const { token, payload } = await accessToken();
    expect(await refusal(request(token, payload, [await proof(alice, token)]))).toBe("unbound-token-as-dpop");
  });

  it("lets a plain bearer token through as such, whether or not a DPoP header came with it", async () => {
    const { token, payload } = await accessToken();
    await expect(check(request(token, payload, [], { scheme: "bearer" }))).resolves.toBeNull();
    await expect(check(request(token, payload, ["junk"], { scheme: "bearer" }))).resolves.toBeNull();
  });

  it.each<[string, unknown]>([
    ["a certificate binding (mTLS)", { "x5t#S256": "bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2" }],
    ["a jkt beside another confirmation", { jkt: "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I", kid: "k1" }],
    ["a jkt that is no thumbprint", { jkt: "short" }],
    ["a cnf that is not an object", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"],
  ])("refuses a token bound by %s, whatever the scheme", async (_name, cnf) => {
    const { token, payload } = await accessToken(undefined, cnf);
    expect(await refusal(request(token, payload, [await proof(alice, token)]))).toBe("unsupported-confirmation");
    expect(await refusal(request(token, payload, [], { scheme: "bearer" }))).toBe("unsupported-confirmation");
  });

  it("in refuse mode, refuses every sender-constrained token and the DPoP scheme, and lets bearer tokens through", async () => {
    const refuse: DpopSettings = { ...DEFAULT_DPOP, mode: "refuse" };
    const bound = await accessToken(alice.jkt);
    const plain = await accessToken();
    const valid = await proof(alice, bound.token);
    expect(await refusal(request(bound.token, bound.payload, [valid]), refuse)).toBe("sender-constraint-refused");
    expect(await refusal(request(bound.token, bound.payload, [], { scheme: "bearer" }), refuse)).toBe(
      "sender-constraint-refused",
    );
    expect(await refusal(request(plain.token, plain.payload, [valid]), refuse)).toBe("sender-constraint-refused");
    await expect(check(request(plain.token, plain.payload, [], { scheme: "bearer" }), refuse)).resolves.toBeNull();
  });
});

describe("checkDpop: the proof", () => {
  let token: string;
  let payload: JWTPayload;
  beforeAll(async () => {
    ({ token, payload } = await accessToken(alice.jkt));
  });
  const reasonFor = async (options: ProofOptions, overrides: Partial<DpopRequest> = {}) =>
    refusal(request(token, payload, [await proof(alice, token, options)], overrides));

  it("refuses a request with no proof, or with two DPoP headers, apart or joined into one value", async () => {
    expect(await refusal(request(token, payload, []))).toBe("proof-missing");
    const two = [await proof(alice, token), await proof(alice, token)];
    expect(await refusal(request(token, payload, two))).toBe("proof-multiple");
    expect(await refusal(request(token, payload, [two.join(", ")]))).toBe("proof-multiple");
  });

  it.each<[string, ProofOptions, Partial<DpopRequest>, DpopRejectionReason]>([
    ["made for another method", { claims: { htm: "GET" } }, {}, "proof-htm"],
    ["with a lower-case method", { claims: { htm: "post" } }, {}, "proof-htm"],
    ["made for another host", { claims: { htu: "https://evil.example/graphql" } }, {}, "proof-htu"],
    ["made for another path", { claims: { htu: "https://hub.example/admin" } }, {}, "proof-htu"],
    ["made for another port", { claims: { htu: "https://hub.example:8443/graphql" } }, {}, "proof-htu"],
    ["made for another scheme", { claims: { htu: "http://hub.example/graphql" } }, {}, "proof-htu"],
    ["with a relative htu", { claims: { htu: "/graphql" } }, {}, "proof-htu"],
    ["older than the window and the tolerance", { claims: { iat: NOW_S - 66 } }, {}, "proof-iat-stale"],
    ["issued beyond the tolerance in the future", { claims: { iat: NOW_S + 6 } }, {}, "proof-iat-future"],
    ["whose ath hashes another token", { claims: { ath: accessTokenHash("another.token.value") } }, {}, "proof-ath"],
    ["with no ath", { omit: ["ath"] }, {}, "proof-claims"],
    ["with no jti", { omit: ["jti"] }, {}, "proof-claims"],
    ["with a very long jti", { claims: { jti: "j".repeat(257) } }, {}, "proof-claims"],
    ["with an iat that is no number", { claims: { iat: "now" } }, {}, "proof-claims"],
    ["that has expired", { claims: { exp: NOW_S - 10 } }, {}, "proof-claims"],
    ["with no typ", { omit: ["typ"] }, {}, "proof-typ"],
    ["typed as a plain JWT", { header: { typ: "JWT" } }, {}, "proof-typ"],
    ["with no jwk", { omit: ["jwk"] }, {}, "proof-jwk"],
  ])("refuses a proof %s", async (_name, options, overrides, reason) => {
    expect(await reasonFor(options, overrides)).toBe(reason);
  });

  it("accepts a proof at the edges of the window and the tolerance", async () => {
    for (const iat of [NOW_S - 65, NOW_S + 5]) {
      const valid = await proof(alice, token, { claims: { iat } });
      await expect(check(request(token, payload, [valid]))).resolves.toEqual({ jkt: alice.jkt });
    }
  });

  it("ignores the query and fragment and compares scheme, host and default port as URLs", async () => {
    const normalised = await proof(alice, token, { claims: { htu: "HTTPS://Hub.Example:443/graphql?x=1#top" } });
    const dpop = request(token, payload, [normalised], { url: "https://hub.example/graphql?operation=Traveller" });
    await expect(check(dpop)).resolves.toEqual({ jkt: alice.jkt });
  });

  it("refuses a proof signed by another key than the token is bound to", async () => {
    expect(await refusal(request(token, payload, [await proof(mallory, token)]))).toBe("proof-key-mismatch");
  });

  it("refuses a proof whose signature is not made by the key in its header", async () => {
    expect(await reasonFor({ signer: mallory.privateKey })).toBe("proof-signature");
  });

  it("refuses a jwk holding the private key", async () => {
    const privateJwk = await exportJWK(alice.privateKey);
    expect(await reasonFor({ header: { jwk: privateJwk } })).toBe("proof-jwk");
  });

  it("refuses a jwk of another key type than the algorithm", async () => {
    const rsa = await holder("RS256");
    expect(await reasonFor({ header: { jwk: rsa.jwk } })).toBe("proof-jwk");
  });

  it("refuses alg none and HMAC, even when the settings list them", async () => {
    const lax: DpopSettings = { ...DEFAULT_DPOP, algorithms: [...DEFAULT_DPOP.algorithms, "HS256", "none"] };
    const unsigned = (alg: string, signature: string) =>
      [
        { alg, typ: "dpop+jwt", jwk: alice.jwk },
        { jti: "n1", htm: "POST", htu: URL_, iat: NOW_S },
      ]
        .map((part) => base64url.encode(JSON.stringify(part)))
        .concat(signature)
        .join(".");
    expect(await refusal(request(token, payload, [unsigned("none", "")]), lax)).toBe("proof-malformed");
    expect(await refusal(request(token, payload, [unsigned("none", "AAAA")]), lax)).toBe("proof-alg");
    const secret = new TextEncoder().encode("a shared secret of thirty-two bytes!");
    // jose's types keep secret members out of a jwk header; a hostile client is not bound by them.
    const secretJwk = { kty: "oct", k: base64url.encode(secret) } as JWTHeaderParameters["jwk"];
    const hmac = await new SignJWT({ jti: "h1", htm: "POST", htu: URL_, iat: NOW_S, ath: accessTokenHash(token) })
      .setProtectedHeader({ alg: "HS256", typ: "dpop+jwt", jwk: secretJwk })
      .sign(secret);
    expect(await refusal(request(token, payload, [hmac]), lax)).toBe("proof-alg");
  });

  it("refuses an algorithm the settings do not list", async () => {
    const esOnly: DpopSettings = { ...DEFAULT_DPOP, algorithms: ["EdDSA"] };
    expect(await refusal(request(token, payload, [await proof(alice, token)]), esOnly)).toBe("proof-alg");
  });

  it("refuses what is not a proof, and a proof over the size limit, before parsing it", async () => {
    expect(await refusal(request(token, payload, ["not a jwt"]))).toBe("proof-malformed");
    expect(await refusal(request(token, payload, ["e30.e30.e30"]))).toBe("proof-typ");
    expect(await refusal(request(token, payload, ["bm90IGpzb24.e30.AAAA"]))).toBe("proof-malformed");
    const huge = await proof(alice, token, { claims: { padding: "x".repeat(4096) } });
    expect(await refusal(request(token, payload, [huge]))).toBe("proof-too-large");
  });
});

describe("checkDpop: replay", () => {
  it("accepts a proof once; the same proof again is refused as replayed", async () => {
    const { token, payload } = await accessToken(alice.jkt);
    const store = memoryReplayStore({ now });
    const once = request(token, payload, [await proof(alice, token)]);
    await expect(checkDpop(once, DEFAULT_DPOP, store, now)).resolves.toEqual({ jkt: alice.jkt });
    await expect(checkDpop(once, DEFAULT_DPOP, store, now)).rejects.toMatchObject({ reason: "proof-replayed" });
  });

  it("keeps each key's jti apart: another client's proof with the same jti is not a replay", async () => {
    const store = memoryReplayStore({ now });
    for (const client of [alice, mallory]) {
      const { token, payload } = await accessToken(client.jkt);
      const dpop = request(token, payload, [await proof(client, token, { claims: { jti: "shared-jti" } })]);
      await expect(checkDpop(dpop, DEFAULT_DPOP, store, now)).resolves.toEqual({ jkt: client.jkt });
    }
  });

  it("does not spend a jti on a proof that failed", async () => {
    const { token, payload } = await accessToken(alice.jkt);
    const store = memoryReplayStore({ now });
    const wrongMethod = await proof(alice, token, { claims: { jti: "j-1", htm: "GET" } });
    await expect(checkDpop(request(token, payload, [wrongMethod]), DEFAULT_DPOP, store, now)).rejects.toThrow();
    const valid = await proof(alice, token, { claims: { jti: "j-1" } });
    await expect(checkDpop(request(token, payload, [valid]), DEFAULT_DPOP, store, now)).resolves.toBeTruthy();
  });
});
