/**
 * Development keys, generated on first run under the state folder and never committed: the demo
 * identity provider's signing key (for persona tokens), the gateway's hub-context key, the audit
 * log's signing key (checkpoints and chain head) and the secret of the audit log's value hashes.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from "jose";

export interface KeyFiles {
  privateJwk: string;
  publicJwks: string;
}

/** The member a development identity key set carries, so that it is never mistaken for a real provider's. */
export const DEVELOPMENT_MARK = "x-migration-hub-development";

export type DevKeyName = "idp" | "gateway" | "audit";

export function keyFiles(keysDir: string, name: DevKeyName): KeyFiles {
  return {
    privateJwk: path.join(keysDir, `${name}.private.jwk.json`),
    publicJwks: path.join(keysDir, `${name}.jwks.json`),
  };
}

const ALGORITHMS = { idp: "ES256", gateway: "EdDSA", audit: "EdDSA" } as const;

/** Creates the key pair `name` in `keysDir` unless it exists. Returns the files. */
export async function ensureDevKey(keysDir: string, name: DevKeyName): Promise<KeyFiles> {
  const files = keyFiles(keysDir, name);
  if (existsSync(files.privateJwk) && existsSync(files.publicJwks)) return files;
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const alg = ALGORITHMS[name];
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${name}-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use: "sig" };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  writeFileSync(files.privateJwk, JSON.stringify(privateJwk, null, 2), { mode: 0o600 });
  // The identity provider's set says it is a development key, so no gateway outside demo mode trusts it.
  const mark = name === "idp" ? { [DEVELOPMENT_MARK]: true } : {};
  writeFileSync(files.publicJwks, JSON.stringify({ keys: [publicJwk], ...mark }, null, 2));
  return files;
}

export type DevSecretName = "audit-values" | "admin";

/** Creates the random secret `name` (32 bytes, base64url) in `keysDir` unless it exists. Returns the file. */
export function ensureDevSecret(keysDir: string, name: DevSecretName): string {
  const file = path.join(keysDir, `${name}.key`);
  if (existsSync(file)) return file;
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  try {
    // "wx": two processes starting at once keep the first one's secret.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return file;
}

export interface SigningKey {
  key: CryptoKey | Uint8Array;
  kid: string;
  alg: string;
}

/** Reads a private JWK file; names the file when it cannot. */
export async function loadSigningKey(file: string): Promise<SigningKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(file, "utf8")) as JWK;
  } catch {
    throw new Error(`Cannot read the private signing key at ${file}`);
  }
  if (!jwk.kid || !jwk.alg || !jwk.d) throw new Error(`The key at ${file} is not a private JWK with kid and alg`);
  return { key: await importJWK(jwk, jwk.alg), kid: jwk.kid, alg: jwk.alg };
}
