/**
 * Signatures over chain positions (Ed25519): a key of the hub vouches that event `seq` had hash
 * `hash`, in a checkpoint (every CHECKPOINT_INTERVAL events) or in the chain head (every flush).
 */
import { createPrivateKey, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from "node:crypto";
import { checkpointPayload, headPayload } from "./chain";

export interface CheckpointSignature {
  keyId: string;
  signature: string;
}

export type PrivateAuditKey = JsonWebKey & { kid?: string };

export interface PublicAuditKeys {
  keys: (JsonWebKey & { kid?: string })[];
}

export interface SignedPosition {
  seq: number;
  hash: string;
  keyId: string | null;
  signature: string | null;
}

/**
 * Each JWK is imported once: the gateway signs and checks the head at every flush, and a profile
 * under load showed the import per call. Keys are loaded from files and never changed in place.
 */
const imported = new WeakMap<JsonWebKey, KeyObject>();
function keyObjectOf(jwk: JsonWebKey, kind: "private" | "public"): KeyObject {
  let key = imported.get(jwk);
  if (!key) {
    key =
      kind === "private" ? createPrivateKey({ key: jwk, format: "jwk" }) : createPublicKey({ key: jwk, format: "jwk" });
    imported.set(jwk, key);
  }
  return key;
}

function signText(privateJwk: PrivateAuditKey, text: string): CheckpointSignature {
  const key = keyObjectOf(privateJwk, "private");
  return { keyId: privateJwk.kid ?? "", signature: sign(null, Buffer.from(text), key).toString("base64url") };
}

function verifyText(publicJwks: PublicAuditKeys, keyId: string | null, signature: string | null, text: string) {
  const jwk = publicJwks.keys.find((k) => k.kid === keyId);
  if (!jwk || !signature) return false;
  try {
    return verify(null, Buffer.from(text), keyObjectOf(jwk, "public"), Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}

export const signCheckpoint = (privateJwk: PrivateAuditKey, seq: number, hash: string): CheckpointSignature =>
  signText(privateJwk, checkpointPayload(seq, hash));

/** True when one of the public keys (by key id) signed this position of the chain. */
export const verifyCheckpoint = (publicJwks: PublicAuditKeys, checkpoint: SignedPosition): boolean =>
  verifyText(publicJwks, checkpoint.keyId, checkpoint.signature, checkpointPayload(checkpoint.seq, checkpoint.hash));

/** The chain head's signature: written with every append, so the newest events cannot be cut off unnoticed. */
export const signChainHead = (privateJwk: PrivateAuditKey, seq: number, hash: string): CheckpointSignature =>
  signText(privateJwk, headPayload(seq, hash));

export const verifyChainHead = (publicJwks: PublicAuditKeys, head: SignedPosition): boolean =>
  verifyText(publicJwks, head.keyId, head.signature, headPayload(head.seq, head.hash));
