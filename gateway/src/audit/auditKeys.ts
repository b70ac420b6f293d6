/**
 * The audit keys of a gateway: the private key that signs checkpoints and the chain head
 * (AUDIT_KEY), and the public keys a head found in the store may be signed with (AUDIT_JWKS, plus
 * the signing key's own), so that gateways rolled onto a new key still extend a head the old one signed.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PrivateAuditKey, PublicAuditKeys } from "@hub/contracts";
import type { AuditKeys } from "./appendBatch";

export function loadAuditKeys(keyPath: string, jwksPath: string): AuditKeys {
  const signing = readPrivateJwk(keyPath);
  const own = {
    ...createPublicKey(createPrivateKey({ key: signing, format: "jwk" })).export({ format: "jwk" }),
    kid: signing.kid,
  };
  return { signing, trusted: { keys: [own, ...readJwks(jwksPath).keys.filter((k) => k.kid !== signing.kid)] } };
}

function readPrivateJwk(file: string): PrivateAuditKey {
  try {
    const jwk = JSON.parse(readFileSync(file, "utf8")) as PrivateAuditKey;
    if (!jwk.d) throw new Error("not a private key");
    return jwk;
  } catch {
    throw new Error(`Cannot read the audit signing key (AUDIT_KEY) at ${file}`);
  }
}

function readJwks(file: string): PublicAuditKeys {
  try {
    const jwks = JSON.parse(readFileSync(file, "utf8")) as PublicAuditKeys;
    if (!Array.isArray(jwks.keys)) throw new Error("no keys");
    return jwks;
  } catch {
    throw new Error(`Cannot read the audit key's public keys (AUDIT_JWKS) at ${file}`);
  }
}
