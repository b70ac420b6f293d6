/**
 * The provider's signing keys, kept in its state folder across restarts: ES256 private JWKs,
 * newest first. The newest signs; the others stay published so that tokens they signed still
 * verify until they expire. `rotate` and `retire` change the file; a running provider reloads it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import { z } from "zod";
import { writeStateFile } from "./writeStateFile";

export const SIGNING_KEYS_FILE = "signing-keys.json";
export const SIGNING_ALGORITHM = "ES256";
/** More would only be a file someone forgot to retire; the provider publishes every one. */
const MAX_KEYS = 10;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/);
const privateKeySchema = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: base64url,
  y: base64url,
  d: base64url,
  kid: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  alg: z.literal(SIGNING_ALGORITHM),
  use: z.literal("sig"),
});
export type PrivateSigningKey = z.infer<typeof privateKeySchema>;
const keyFileSchema = z.object({ keys: z.array(privateKeySchema).min(1).max(MAX_KEYS) });

export const signingKeysPath = (stateDir: string) => path.join(stateDir, SIGNING_KEYS_FILE);

/** The key file's keys, newest first; throws one line saying what is wrong with the file. */
export function readSigningKeys(stateDir: string): PrivateSigningKey[] {
  const file = signingKeysPath(stateDir);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    // Not the parser's message: it quotes the file, and this file holds secrets.
    const reason = (error as NodeJS.ErrnoException).code ?? "not JSON";
    throw new Error(`Cannot read the signing keys at ${file} (${reason})`);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The signing keys at ${file} are not valid: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const kids = parsed.data.keys.map((k) => k.kid);
  if (new Set(kids).size !== kids.length) throw new Error(`The signing keys at ${file} repeat a key id`);
  return parsed.data.keys;
}

async function newSigningKey(): Promise<PrivateSigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  // The RFC 7638 thumbprint (of the public members only): a key's id follows from the key itself.
  const kid = await calculateJwkThumbprint(jwk);
  return privateKeySchema.parse({ ...jwk, kid, alg: SIGNING_ALGORITHM, use: "sig" });
}

function writeSigningKeys(stateDir: string, keys: PrivateSigningKey[]): void {
  writeStateFile(signingKeysPath(stateDir), `${JSON.stringify({ keys }, null, 2)}\n`);
}

/** The keys of the state folder, created (one key) on first run. */
export async function ensureSigningKeys(stateDir: string): Promise<PrivateSigningKey[]> {
  if (existsSync(signingKeysPath(stateDir))) return readSigningKeys(stateDir);
  const keys = [await newSigningKey()];
  writeSigningKeys(stateDir, keys);
  return keys;
}

/** Adds a key that signs from now on; the previous ones stay published. Returns the new key's id. */
export async function rotateSigningKeys(stateDir: string): Promise<{ kid: string; keyIds: string[] }> {
  const current = await ensureSigningKeys(stateDir);
  if (current.length >= MAX_KEYS) {
    throw new Error(`There are already ${MAX_KEYS} signing keys: retire the old ones first`);
  }
  const key = await newSigningKey();
  const keys = [key, ...current];
  writeSigningKeys(stateDir, keys);
  return { kid: key.kid, keyIds: keys.map((k) => k.kid) };
}

/** Removes every key but the newest: tokens the others signed no longer verify anywhere that refreshes. */
export function retireSigningKeys(stateDir: string): { retired: string[]; keyIds: string[] } {
  const [newest, ...older] = readSigningKeys(stateDir);
  if (!newest) throw new Error("no signing key to keep");
  writeSigningKeys(stateDir, [newest]);
  return { retired: older.map((k) => k.kid), keyIds: [newest.kid] };
}
