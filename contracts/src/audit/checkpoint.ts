/** Signed checkpoints of the audit chain (Ed25519): a key of the hub vouches for a chain position. */
import { createPrivateKey, createPublicKey, sign, verify, type JsonWebKey } from "node:crypto";
import { checkpointPayload } from "./chain";

export interface CheckpointSignature {
  keyId: string;
  signature: string;
}

export function signCheckpoint(
  privateJwk: JsonWebKey & { kid?: string },
  seq: number,
  hash: string,
): CheckpointSignature {
  const key = createPrivateKey({ key: privateJwk, format: "jwk" });
  const signature = sign(null, Buffer.from(checkpointPayload(seq, hash)), key).toString("base64url");
  return { keyId: privateJwk.kid ?? "", signature };
}

/** True when one of the public keys (by key id) signed this position of the chain. */
export function verifyCheckpoint(
  publicJwks: { keys: (JsonWebKey & { kid?: string })[] },
  checkpoint: { seq: number; hash: string; keyId: string; signature: string },
): boolean {
  const jwk = publicJwks.keys.find((k) => k.kid === checkpoint.keyId);
  if (!jwk) return false;
  try {
    const key = createPublicKey({ key: jwk, format: "jwk" });
    return verify(
      null,
      Buffer.from(checkpointPayload(checkpoint.seq, checkpoint.hash)),
      key,
      Buffer.from(checkpoint.signature, "base64url"),
    );
  } catch {
    return false;
  }
}
