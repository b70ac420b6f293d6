/** The keys of a published JWK set that can verify a token signed with one of the allowed algorithms. */
import type { JWK } from "jose";
import { describeValue } from "./describeValue";
import { KeySourceError } from "./keyErrors";

/** The key type (and curve) each asymmetric JWS algorithm needs (RFC 7518 section 3, RFC 8037, RFC 9864). */
function fitsAlgorithm(key: Record<string, unknown>, alg: string): boolean {
  if (key.alg !== undefined && key.alg !== alg) return false;
  const { kty, crv } = key;
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return kty === "RSA";
  switch (alg) {
    case "ES256":
      return kty === "EC" && crv === "P-256";
    case "ES384":
      return kty === "EC" && crv === "P-384";
    case "ES512":
      return kty === "EC" && crv === "P-521";
    case "EdDSA":
      return kty === "OKP" && (crv === "Ed25519" || crv === "Ed448");
    case "Ed25519":
      return kty === "OKP" && crv === "Ed25519";
    case "ML-DSA-44":
    case "ML-DSA-65":
    case "ML-DSA-87":
      // jose matches an AKP key only by its own "alg".
      return kty === "AKP" && key.alg === alg;
    default:
      // Symmetric (HS*) and unknown algorithms never verify with a published key.
      return false;
  }
}

/** Meant for signatures: not marked for encryption, and, when key_ops is given, allowed to verify. */
function isSigningKey(key: Record<string, unknown>): boolean {
  if (key.use !== undefined && key.use !== "sig") return false;
  if (key.key_ops === undefined) return true;
  return Array.isArray(key.key_ops) && key.key_ops.includes("verify");
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The signing keys of `document` usable with `algorithms`, ready for jose's createLocalJWKSet.
 * A set that is not `{ "keys": [...] }`, that publishes private or secret key material (whoever
 * read it could sign tokens), or that has no key for the allowed algorithms is a KeySourceError.
 */
export function selectSigningKeys(document: unknown, algorithms: readonly string[], where: string): JWK[] {
  if (!isObject(document) || !Array.isArray(document.keys)) {
    throw new KeySourceError(`The ${where} is not a JWK set ({"keys": [...]}).`);
  }
  const entries = document.keys as unknown[];
  const selected: JWK[] = [];
  for (const key of entries) {
    if (!isObject(key) || typeof key.kty !== "string") continue;
    if (key.d !== undefined || key.kty === "oct") {
      throw new KeySourceError(`The ${where} publishes private or secret key material; the set is refused.`);
    }
    if (key.kid !== undefined && typeof key.kid !== "string") continue;
    if (!isSigningKey(key) || !algorithms.some((alg) => fitsAlgorithm(key, alg))) continue;
    selected.push(key as JWK);
  }
  if (selected.length === 0) {
    throw new KeySourceError(
      `The ${where} has no signing key for the allowed algorithms (${algorithms.join(", ")}); it holds ${summary(entries)}.`,
    );
  }
  return selected;
}

/** What a set held, for the message of one that has nothing usable: "2 keys: RSA use=enc, EC P-384 ES384". */
function summary(entries: unknown[]): string {
  if (entries.length === 0) return "no keys";
  const shown = entries.slice(0, 5).map((key) => {
    if (!isObject(key)) return "a non-key";
    const parts = [key.kty, key.crv, key.alg].filter((part) => part !== undefined).map(safeWord);
    if (key.use !== undefined) parts.push(`use=${safeWord(key.use)}`);
    return parts.join(" ") || "a key without kty";
  });
  const more = entries.length > shown.length ? `, and ${entries.length - shown.length} more` : "";
  return `${entries.length} key${entries.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}`;
}

const safeWord = (value: unknown): string =>
  typeof value === "string" && /^[A-Za-z0-9._-]{1,20}$/.test(value) ? value : describeValue(value).slice(0, 24);
