/** Pseudonymous person reference shared by all agencies: a keyed hash of the national id. */
import { createHmac } from "node:crypto";

/**
 * Demo-only key for synthetic data. It is public, so references derived with it are not
 * pseudonymous at all; a real deployment must use a secret key held outside the code.
 */
export const DEMO_PSEUDONYM_KEY = "demo-only-synthetic-pseudonym-key-not-for-real-data";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET.charAt((buffer >>> bits) & 31);
    }
    // Only the low `bits` bits are still needed; dropping the rest keeps `buffer` a small integer.
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

/**
 * "PR" + base32 of the first 10 bytes (80 bits: collisions are negligible at national scale, and
 * 10 bytes encode to exactly 16 characters) of HMAC-SHA256(key, nationalId). Without the key the
 * reference cannot be linked back to the national id, yet every agency derives the same one.
 */
export function personRefFor(nationalId: string, key: string): string {
  const digest = createHmac("sha256", key).update(nationalId, "utf8").digest();
  return `PR${base32(digest.subarray(0, 10))}`;
}
