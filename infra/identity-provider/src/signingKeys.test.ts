import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { calculateJwkThumbprint } from "jose";
import { ensureClientSecrets, readClientSecrets } from "./clientSecrets";
import {
  ensureSigningKeys,
  readSigningKeys,
  retireSigningKeys,
  rotateSigningKeys,
  signingKeysPath,
} from "./signingKeys";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "idp-keys-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("signing keys", () => {
  it("are created once, owner-readable only, and read back the same", async () => {
    const [key] = await ensureSigningKeys(dir);
    expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(key?.kid).toBe(await calculateJwkThumbprint({ kty: "EC", crv: "P-256", x: key?.x, y: key?.y }));
    expect(statSync(signingKeysPath(dir)).mode & 0o777).toBe(0o600);
    expect(await ensureSigningKeys(dir)).toEqual([key]);
  });

  it("rotate puts a new key first and keeps the old; retire keeps only the newest", async () => {
    const [first] = await ensureSigningKeys(dir);
    const { kid, keyIds } = await rotateSigningKeys(dir);
    expect(keyIds).toEqual([kid, first?.kid]);
    expect(readSigningKeys(dir).map((k) => k.kid)).toEqual(keyIds);
    expect(retireSigningKeys(dir)).toEqual({ retired: [first?.kid], keyIds: [kid] });
    expect(readSigningKeys(dir).map((k) => k.kid)).toEqual([kid]);
  });

  it("a damaged file is refused with a message that never quotes it", async () => {
    const [key] = await ensureSigningKeys(dir);
    const secret = key?.d ?? "";
    // JSON.parse's own message quotes the text at the fault: here, the start of the private key.
    writeFileSync(signingKeysPath(dir), `{"d": z${secret}}`);
    expect(() => readSigningKeys(dir)).toThrow(/not JSON/);
    expect(() => readSigningKeys(dir)).not.toThrow(secret.slice(0, 6));
    writeFileSync(signingKeysPath(dir), JSON.stringify({ keys: [{ ...key, alg: "HS256" }] }));
    expect(() => readSigningKeys(dir)).toThrow(/keys\.0\.alg/);
    writeFileSync(signingKeysPath(dir), JSON.stringify({ keys: [key, key] }));
    expect(() => readSigningKeys(dir)).toThrow(/repeat a key id/);
  });
});

describe("client secrets", () => {
  it("are generated for clients that have none and kept for those that have", () => {
    const first = ensureClientSecrets(dir, ["a"]);
    const both = ensureClientSecrets(dir, ["a", "b"]);
    expect(both.a).toBe(first.a);
    expect(both.b).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readClientSecrets(dir)).toEqual(both);
    expect(JSON.parse(readFileSync(path.join(dir, "client-secrets.json"), "utf8"))).toEqual(both);
  });
});
