// IssuerKeys against a real HTTP identity provider on 127.0.0.1 whose keys and faults the tests change.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from "jose";
import { pino } from "pino";
import { IssuerKeys, type IssuerKeysOptions } from "./IssuerKeys";
import { DEFAULT_KEY_CACHE, keyCacheSettings, type KeySource } from "./KeyCacheSettings";
import { KeyDistrusted, KeysUnavailable } from "./keyErrors";

type Fault = "none" | "500" | "404" | "redirect" | "garbage" | "huge" | "huge-chunked" | "silent";

/** A provider serving discovery and a JWKS; `fault` breaks the JWKS (or, with `faultOn`, discovery). */
class Provider {
  keys: JWK[] = [];
  fault: Fault = "none";
  faultOn: "jwks" | "discovery" = "jwks";
  jwksPath = "/jwks";
  /** What the discovery document says the issuer is; the real one unless a test changes it. */
  namedIssuer: string | null = null;
  jwksUriOverride: string | null = null;
  readonly requests = { discovery: 0, jwks: 0 };
  #server: Server = createServer((req, res) => this.#answer(req, res));
  #port = 0;
  #held: ServerResponse[] = [];

  get issuer(): string {
    return `http://127.0.0.1:${this.#port}/realms/hub`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => this.#answer(req, res));
    await new Promise<void>((resolve) => this.#server.listen(this.#port, "127.0.0.1", resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.#held.splice(0)) res.destroy();
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #answer(req: IncomingMessage, res: ServerResponse): void {
    const kind = req.url === "/realms/hub/.well-known/openid-configuration" ? "discovery" : null;
    const which = kind ?? (req.url === `/realms/hub${this.jwksPath}` ? "jwks" : null);
    if (which === null) return void res.writeHead(404).end();
    this.requests[which] += 1;
    if (this.fault !== "none" && this.faultOn === which) return this.#fail(res);
    const body =
      which === "discovery"
        ? {
            issuer: this.namedIssuer ?? this.issuer,
            jwks_uri: this.jwksUriOverride ?? `${this.issuer}${this.jwksPath}`,
          }
        : { keys: this.keys };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  #fail(res: ServerResponse): void {
    const huge = JSON.stringify({ keys: [], padding: "x".repeat(600 * 1024) });
    switch (this.fault) {
      case "500":
      case "404":
        return void res.writeHead(Number(this.fault)).end("<html>error page</html>");
      case "redirect":
        return void res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
      case "garbage":
        return void res.writeHead(200, { "content-type": "application/json" }).end("<html>not json");
      case "huge":
        return void res.writeHead(200, { "content-length": Buffer.byteLength(huge) }).end(huge);
      case "huge-chunked":
        res.writeHead(200, { "content-type": "application/json" });
        for (let i = 0; i < 10; i++) res.write(huge.slice(i * 65536, (i + 1) * 65536));
        return void res.end();
      case "silent":
        return void this.#held.push(res);
      case "none":
        return;
    }
  }
}

interface Signer {
  kid: string;
  publicJwk: JWK;
  privateKey: CryptoKey;
}

async function signer(kid: string, alg = "ES256"): Promise<Signer> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

/** Records log lines; `next(msg)` resolves at the next line with that message (how a background fetch is awaited). */
class LogCapture {
  readonly lines: { level: number; msg: string; [field: string]: unknown }[] = [];
  #waiters: { msg: string; resolve: () => void }[] = [];
  readonly log = pino(
    { level: "debug" },
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        const line = JSON.parse(chunk.toString("utf8")) as LogCapture["lines"][number];
        this.lines.push(line);
        for (const waiter of this.#waiters.filter((w) => w.msg === line.msg)) waiter.resolve();
        this.#waiters = this.#waiters.filter((w) => w.msg !== line.msg);
        done();
      },
    }),
  );

  next(msg: string): Promise<void> {
    return new Promise((resolve) => this.#waiters.push({ msg, resolve }));
  }

  count(msg: string): number {
    return this.lines.filter((line) => line.msg === msg).length;
  }
}

const AUDIENCE = "migration-hub";
const START = Date.parse("2026-12-01T08:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let provider: Provider;
let k1: Signer;
let k2: Signer;
let rsa: Signer;
let clock: number;
let logs: LogCapture;
let retired: string[][];

beforeAll(async () => {
  [k1, k2, rsa] = await Promise.all([signer("k1"), signer("k2"), signer("rsa-1", "RS256")]);
});

async function setUp(keys: Signer[] = [k1]): Promise<void> {
  provider = new Provider();
  provider.keys = keys.map((k) => k.publicJwk);
  await provider.start();
  clock = START;
  logs = new LogCapture();
  retired = [];
}

afterEach(async () => {
  await provider.stop();
});

function issuerKeys(options: Partial<IssuerKeysOptions> = {}): IssuerKeys {
  return new IssuerKeys({
    issuer: provider.issuer,
    source: { kind: "discovery" },
    algorithms: ["ES256"],
    log: logs.log,
    now: () => clock,
    onKeysRetired: (kids) => retired.push(kids),
    ...options,
  });
}

/** A token of the provider's issuer signed with `key`, valid for two days from the start of the test. */
function token(key: Signer, header: { kid?: string } = { kid: key.kid }): Promise<string> {
  return new SignJWT({ scope: "purpose:BORDER_CHECK" })
    .setProtectedHeader({ alg: String(key.publicJwk.alg), typ: "at+jwt", ...header })
    .setIssuer(provider.issuer)
    .setAudience(AUDIENCE)
    .setSubject("client-1")
    .setIssuedAt(START / 1000)
    .setExpirationTime(START / 1000 + 48 * 3600)
    .sign(key.privateKey);
}

async function verify(keys: IssuerKeys, key: Signer, header?: { kid?: string }): Promise<string | undefined> {
  const { payload } = await jwtVerify(await token(key, header), keys.getKey, {
    issuer: provider.issuer,
    audience: AUDIENCE,
    algorithms: ["ES256", "RS256"],
    currentDate: new Date(clock),
  });
  return payload.sub;
}

const noMatchingKey = { code: "ERR_JWKS_NO_MATCHING_KEY" };

describe("discovery and the provider's URLs", () => {
  it("finds the key set through discovery and verifies a token with it", async () => {
    await setUp();
    const keys = issuerKeys();
    const status = await keys.start();
    expect(status).toMatchObject({
      issuer: provider.issuer,
      source: "discovery",
      jwksUri: `${provider.issuer}/jwks`,
      keyIds: ["k1"],
      state: "fresh",
      lastError: null,
      fetchedAt: new Date(START).toISOString(),
    });
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    expect(provider.requests).toEqual({ discovery: 1, jwks: 1 });
    expect(logs.lines).toContainEqual(expect.objectContaining({ msg: "identity provider keys fetched", count: 1 }));
  });

  it("refuses a discovery document naming another issuer", async () => {
    await setUp();
    provider.namedIssuer = `${provider.issuer}/`;
    const keys = issuerKeys();
    const status = await keys.start();
    expect(status.state).toBe("unavailable");
    expect(status.lastError).toMatch(/^Mismatched issuer: the discovery document at .* names ".*\/realms\/hub\/"/);
    await expect(verify(keys, k1)).rejects.toBeInstanceOf(KeysUnavailable);
    expect(provider.requests.jwks).toBe(0);
  });

  it("refuses plain http except on loopback hosts", async () => {
    await setUp();
    const http =
      (issuer: string, source: KeySource = { kind: "discovery" }) =>
      () =>
        issuerKeys({ issuer, source });
    expect(http("http://idp.example.org/realms/hub")).toThrow(/issuer must be an https URL/);
    expect(http("urn:x", { kind: "jwks-url", url: new URL("http://idp.example.org/jwks") })).toThrow(/https/);
    expect(http("https://user:secret@idp.example.org")).toThrow(/must not carry a user name or password/);
    expect(http("https://idp.example.org/realms/hub")).not.toThrow();
    expect(http("http://localhost:8080/realms/hub")).not.toThrow();
    expect(http("http://[::1]:8080/realms/hub")).not.toThrow();
    provider.jwksUriOverride = "http://idp.example.org/jwks";
    const status = await issuerKeys().start();
    expect(status.lastError).toMatch(/jwks_uri of the discovery document .* must be an https URL/);
  });

  it("follows a provider that moves its jwks_uri, since each fetch reads discovery again", async () => {
    await setUp();
    const keys = issuerKeys();
    await keys.start();
    provider.jwksPath = "/protocol/certs";
    expect((await keys.refresh()).jwksUri).toBe(`${provider.issuer}/protocol/certs`);
    expect(provider.requests.discovery).toBe(2);
  });

  it("reads a configured JWKS URL without discovery", async () => {
    await setUp();
    const url = new URL(`${provider.issuer}/jwks`);
    const keys = issuerKeys({ source: { kind: "jwks-url", url } });
    expect(await keys.start()).toMatchObject({ state: "fresh", jwksUri: url.href, keyIds: ["k1"] });
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    expect(provider.requests.discovery).toBe(0);
  });
});

describe("what the provider answers", () => {
  const cases: [Fault, RegExp][] = [
    ["500", /key set at .*\/jwks answered HTTP 500\.$/],
    ["404", /answered HTTP 404\.$/],
    ["redirect", /answered HTTP 302 \(redirects are not followed\)/],
    ["garbage", /key set at .* is not JSON\.$/],
    ["huge", /is larger than 524288 bytes/],
    ["huge-chunked", /is larger than 524288 bytes/],
  ];
  it.each(cases)("a key set answered with %s is an error with a clear line", async (fault, message) => {
    await setUp();
    provider.fault = fault;
    const status = await issuerKeys().start();
    expect(status.state).toBe("unavailable");
    expect(status.lastError).toMatch(message);
    expect(status.lastError).not.toMatch(/html|xxxx/);
  });

  it("gives up on a provider that does not answer", async () => {
    await setUp();
    provider.fault = "silent";
    provider.faultOn = "discovery";
    const status = await issuerKeys({ settings: { fetchTimeoutMs: 50 } }).start();
    expect(status.lastError).toMatch(/discovery document at .* did not answer within 50 ms/);
  });

  it("names a refused connection", async () => {
    await setUp();
    await provider.stop();
    const status = await issuerKeys().start();
    expect(status.lastError).toMatch(/cannot be reached \(ECONNREFUSED\)/);
    await provider.start();
  });

  it("needs a signing key for an allowed algorithm, and refuses published private keys", async () => {
    await setUp([rsa]);
    expect((await issuerKeys().start()).lastError).toMatch(
      /has no signing key for the allowed algorithms \(ES256\); it holds 1 key: RSA RS256 use=sig/,
    );
    provider.keys = [{ ...k1.publicJwk, use: "enc" }];
    expect((await issuerKeys().start()).lastError).toMatch(/no signing key .* EC P-256 ES256 use=enc/);
    provider.keys = [{ kty: "oct", k: "c2VjcmV0" }, k1.publicJwk];
    expect((await issuerKeys().start()).lastError).toMatch(/publishes private or secret key material/);
    provider.keys = [{ ...rsa.publicJwk, use: "enc" }, k1.publicJwk, rsa.publicJwk];
    const mixed = issuerKeys({ algorithms: ["ES256"] });
    expect((await mixed.start()).keyIds).toEqual(["k1"]);
    await expect(verify(mixed, k1)).resolves.toBe("client-1");
  });
});

describe("reading keys from a file", () => {
  it("is read at start and on refresh only, and never goes stale", async () => {
    await setUp();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "issuer-keys-")), "jwks.json");
    writeFileSync(file, JSON.stringify({ keys: [k1.publicJwk] }));
    const keys = issuerKeys({ source: { kind: "file", path: file } });
    expect(await keys.start()).toMatchObject({ state: "fresh", keyIds: ["k1"], jwksUri: null });
    clock += 7 * 24 * HOUR;
    expect(keys.status().state).toBe("fresh");
    clock = START;
    writeFileSync(file, JSON.stringify({ keys: [k2.publicJwk] }));
    await expect(verify(keys, k2)).rejects.toMatchObject(noMatchingKey);
    await keys.refresh();
    await expect(verify(keys, k2)).resolves.toBe("client-1");
    await expect(verify(keys, k1)).rejects.toMatchObject(noMatchingKey);
    const missing = issuerKeys({ source: { kind: "file", path: `${file}.absent` } });
    expect((await missing.start()).lastError).toMatch(/key file .*absent cannot be read \(ENOENT\)/);
  });
});

describe("rotation and removed keys", () => {
  it("picks up a new key through an unknown-kid refresh, at most once per cool-down", async () => {
    await setUp();
    const keys = issuerKeys();
    await keys.start();
    provider.keys = [k1.publicJwk, k2.publicJwk];
    clock += 1000;
    // Within the cool-down since the last fetch the provider is not asked again.
    await expect(verify(keys, k2)).rejects.toMatchObject(noMatchingKey);
    expect(provider.requests.jwks).toBe(1);
    clock += DEFAULT_KEY_CACHE.unknownKidCooldownMs;
    await expect(verify(keys, k2)).resolves.toBe("client-1");
    expect(provider.requests.jwks).toBe(2);
    expect(keys.status().keyIds).toEqual(["k1", "k2"]);
  });

  it("refuses a kid the refreshed set still does not hold, and does not ask again within the cool-down", async () => {
    await setUp();
    const keys = issuerKeys();
    await keys.start();
    clock += DEFAULT_KEY_CACHE.unknownKidCooldownMs;
    await expect(verify(keys, k2)).rejects.toMatchObject(noMatchingKey);
    await expect(verify(keys, k2)).rejects.toMatchObject(noMatchingKey);
    await expect(verify(keys, k1, {})).resolves.toBe("client-1");
    expect(provider.requests.jwks).toBe(2);
  });

  it("stops trusting a key the provider removed once the set is fetched again", async () => {
    await setUp([k1, k2]);
    const keys = issuerKeys();
    await keys.start();
    provider.keys = [k2.publicJwk];
    clock += DEFAULT_KEY_CACHE.refreshAfterMs;
    const refreshed = logs.next("identity provider keys fetched");
    // The set is past its refresh time: this token is still verified with it while the refresh runs.
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    await refreshed;
    await expect(verify(keys, k1)).rejects.toMatchObject(noMatchingKey);
    await expect(verify(keys, k2)).resolves.toBe("client-1");
    expect(retired).toEqual([["k1"]]);
    expect(keys.status()).toMatchObject({ state: "fresh", keyIds: ["k2"] });
  });

  it("refresh() fetches at once, whatever the cool-down, and concurrent calls share one fetch", async () => {
    await setUp();
    const keys = issuerKeys();
    await keys.start();
    provider.keys = [k2.publicJwk];
    const statuses = await Promise.all([keys.refresh(), keys.refresh(), keys.refresh()]);
    expect(provider.requests).toEqual({ discovery: 2, jwks: 2 });
    expect(statuses.map((s) => s.keyIds)).toEqual([["k2"], ["k2"], ["k2"]]);
    await expect(verify(keys, k1)).rejects.toMatchObject(noMatchingKey);
    await expect(verify(keys, k2)).resolves.toBe("client-1");
  });
});

describe("outages", () => {
  it("serves the last good set as stale within the bound, then answers KeysUnavailable, then recovers", async () => {
    await setUp();
    const keys = issuerKeys();
    await keys.start();
    await provider.stop();
    clock += DEFAULT_KEY_CACHE.refreshAfterMs;
    const failed = logs.next("identity provider key refresh failed");
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    await failed;
    const staleUntil = new Date(START + DEFAULT_KEY_CACHE.refreshAfterMs + DEFAULT_KEY_CACHE.staleIfErrorMs);
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 40, staleUntil: staleUntil.toISOString() }));
    expect(keys.status()).toMatchObject({ state: "stale", lastError: expect.stringMatching(/ECONNREFUSED/) });
    // A token with a key the set lacks cannot be told from a forged one while the provider is down.
    clock += DEFAULT_KEY_CACHE.unknownKidCooldownMs;
    await expect(verify(keys, k2)).rejects.toBeInstanceOf(KeysUnavailable);
    await expect(verify(keys, k2)).rejects.toBeInstanceOf(KeysUnavailable);

    clock = staleUntil.getTime() - 1;
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    clock = staleUntil.getTime();
    await expect(verify(keys, k1)).rejects.toBeInstanceOf(KeysUnavailable);
    await expect(verify(keys, k1)).rejects.toBeInstanceOf(KeysUnavailable);
    expect(keys.status().state).toBe("unavailable");
    // Once per failure streak, not a line per request.
    expect(logs.count("identity provider key refresh failed")).toBe(1);
    expect(logs.count("identity provider keys unavailable: its tokens are answered 503 until it can be reached")).toBe(
      1,
    );

    await provider.start();
    clock += DEFAULT_KEY_CACHE.retryAfterFailureMs;
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    expect(keys.status()).toMatchObject({ state: "fresh", lastError: null });
    expect(logs.count("identity provider keys recovered")).toBe(1);
  });

  it("answers KeysUnavailable for an unknown kid while the provider is down, still verifying known keys", async () => {
    await setUp();
    const keys = issuerKeys();
    await keys.start();
    await provider.stop();
    clock += DEFAULT_KEY_CACHE.unknownKidCooldownMs;
    await expect(verify(keys, k2)).rejects.toBeInstanceOf(KeysUnavailable);
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    expect(keys.status()).toMatchObject({ state: "fresh", lastError: expect.stringMatching(/ECONNREFUSED/) });
    await provider.start();
  });

  it("starts unavailable when the provider is down, and becomes usable without a restart", async () => {
    await setUp();
    await provider.stop();
    const keys = issuerKeys();
    expect(await keys.start()).toMatchObject({ state: "unavailable", keyIds: [], fetchedAt: null });
    await provider.start();
    // Within the retry interval the provider is not asked again.
    await expect(verify(keys, k1)).rejects.toBeInstanceOf(KeysUnavailable);
    expect(provider.requests.jwks).toBe(0);
    clock += DEFAULT_KEY_CACHE.retryAfterFailureMs;
    await expect(verify(keys, k1)).resolves.toBe("client-1");
    expect(keys.status().state).toBe("fresh");
  });
});

describe("distrust", () => {
  it("refuses a distrusted kid before any lookup, and with no kid at all", async () => {
    await setUp([k1, k2]);
    const keys = issuerKeys();
    await keys.start();
    keys.distrust("k1");
    const refusal = verify(keys, k1);
    await expect(refusal).rejects.toBeInstanceOf(KeyDistrusted);
    await expect(refusal).rejects.toMatchObject({ kid: "k1" });
    // Dropping the kid does not make jose try the distrusted key: only k2 is a candidate.
    await expect(verify(keys, k1, {})).rejects.toMatchObject({ code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    await expect(verify(keys, k2)).resolves.toBe("client-1");
    // Still published, still distrusted after a refresh.
    expect(await keys.refresh()).toMatchObject({ keyIds: ["k1", "k2"], distrusted: ["k1"] });
    await expect(verify(keys, k1)).rejects.toBeInstanceOf(KeyDistrusted);
    expect(retired).toEqual([["k1"]]);
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 40, keyIds: ["k1"] }));
  });

  it("loads a persisted list, never lifts a distrust, and refuses an unreasonable kid", async () => {
    await setUp([k1, k2]);
    const keys = issuerKeys();
    keys.setDistrusted(["k2"]);
    await keys.start();
    keys.setDistrusted(["k1"]);
    expect(keys.status().distrusted).toEqual(["k1", "k2"]);
    await expect(verify(keys, k2)).rejects.toBeInstanceOf(KeyDistrusted);
    expect(() => keys.distrust("")).toThrow(/1 to 256 characters/);
    expect(() => keys.distrust("k".repeat(257))).toThrow(/1 to 256 characters/);
  });
});

it("never writes a token to its logs", async () => {
  await setUp();
  const keys = issuerKeys();
  await keys.start();
  const sent = await token(k2);
  clock += DEFAULT_KEY_CACHE.unknownKidCooldownMs;
  await expect(jwtVerify(sent, keys.getKey, { currentDate: new Date(clock) })).rejects.toMatchObject(noMatchingKey);
  expect(JSON.stringify(logs.lines)).not.toContain(sent.split(".")[1]);
});

it("refuses settings that are not whole non-negative milliseconds", () => {
  expect(keyCacheSettings({ staleIfErrorMs: 0 })).toEqual({ ...DEFAULT_KEY_CACHE, staleIfErrorMs: 0 });
  expect(() => keyCacheSettings({ refreshAfterMs: -1 })).toThrow(/refreshAfterMs must be a whole number/);
  expect(() => keyCacheSettings({ unknownKidCooldownMs: Number.NaN })).toThrow(/unknownKidCooldownMs/);
  expect(() => keyCacheSettings({ fetchTimeoutMs: 0 })).toThrow(/fetchTimeoutMs must be above 0/);
});
