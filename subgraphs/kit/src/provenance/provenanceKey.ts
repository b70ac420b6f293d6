/**
 * A subgraph's provenance key (Ed25519): the private JWK it signs its answers with, and the
 * public key set it publishes. The files and development keys are contracts' (provenanceKeyFiles).
 */
import { readFileSync } from "node:fs";
import { importJWK, type CryptoKey, type JWK } from "jose";
import { agencyOfSubgraph, parseKeySets, type AgencyKeySet } from "@hub/contracts";

export interface ProvenanceKey {
  key: CryptoKey | Uint8Array;
  kid: string;
  /** What the subgraph publishes at /.well-known/jwks.json. */
  published: AgencyKeySet;
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`Cannot read the ${what} at ${file}`);
  }
}

/**
 * Loads the signing key and what to publish: the public key set file when there is one (during a
 * rotation it lists the old key beside the new), else the signing key's own public part.
 */
export async function loadProvenanceKey(
  subgraph: string,
  privateJwkFile: string,
  publicJwksFile: string | undefined,
): Promise<ProvenanceKey> {
  const jwk = readJson(privateJwkFile, "provenance signing key (SUBGRAPH_SIGNING_KEY)") as JWK;
  if (!jwk.kid || jwk.alg !== "EdDSA" || jwk.crv !== "Ed25519" || !jwk.d) {
    throw new Error(`The key at ${privateJwkFile} is not a private Ed25519 JWK with kid and alg EdDSA`);
  }
  const { d: _private, ...publicPart } = jwk;
  const published = publicJwksFile
    ? parseKeySets(readJson(publicJwksFile, "provenance public keys (SUBGRAPH_PUBLIC_KEYS)"))[0]
    : { subgraph, agency: agencyOfSubgraph(subgraph), keys: [publicPart] };
  if (!published || published.subgraph !== subgraph) {
    throw new Error(`The provenance public keys at ${publicJwksFile} are not ${subgraph}'s`);
  }
  if (!published.keys.some((k) => k.kid === jwk.kid && k.x === jwk.x)) {
    throw new Error(`The provenance public keys of ${subgraph} do not publish its signing key ${jwk.kid}`);
  }
  return { key: await importJWK(jwk, "EdDSA"), kid: jwk.kid, published };
}
