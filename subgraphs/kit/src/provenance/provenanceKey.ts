/**
 * A subgraph's provenance key (Ed25519): the private JWK it signs its answers with, and the
 * public key set it publishes. Development keys are made on first start in the state folder's key
 * folder, like the hub's other development keys, and never committed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { parseKeySets, SUBGRAPHS, type AgencyKeySet } from "@hub/contracts";

export interface ProvenanceKeyFiles {
  privateJwk: string;
  publicJwks: string;
}

export interface ProvenanceKey {
  key: CryptoKey | Uint8Array;
  kid: string;
  /** What the subgraph publishes at /.well-known/jwks.json. */
  published: AgencyKeySet;
}

export function provenanceKeyFiles(keysDir: string, subgraph: string): ProvenanceKeyFiles {
  return {
    privateJwk: path.join(keysDir, `provenance-${subgraph}.private.jwk.json`),
    publicJwks: path.join(keysDir, `provenance-${subgraph}.jwks.json`),
  };
}

function agencyOf(subgraph: string): string {
  if (!Object.hasOwn(SUBGRAPHS, subgraph))
    throw new Error(`Subgraph ${subgraph} has no agency in SUBGRAPHS (contracts)`);
  return SUBGRAPHS[subgraph as keyof typeof SUBGRAPHS];
}

/** Creates the subgraph's development key pair in `keysDir` unless it exists. Returns the files. */
export async function ensureProvenanceKey(keysDir: string, subgraph: string): Promise<ProvenanceKeyFiles> {
  const files = provenanceKeyFiles(keysDir, subgraph);
  if (existsSync(files.privateJwk) && existsSync(files.publicJwks)) return files;
  const agency = agencyOf(subgraph);
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
  const kid = `provenance-${subgraph}-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
  const common = { kid, alg: "EdDSA", use: "sig" };
  writeFileSync(files.privateJwk, JSON.stringify({ ...(await exportJWK(privateKey)), ...common }, null, 2), {
    mode: 0o600,
  });
  const published: AgencyKeySet = { subgraph, agency, keys: [{ ...(await exportJWK(publicKey)), ...common }] };
  writeFileSync(files.publicJwks, JSON.stringify(published, null, 2));
  return files;
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
    : { subgraph, agency: agencyOf(subgraph), keys: [publicPart] };
  if (!published || published.subgraph !== subgraph) {
    throw new Error(`The provenance public keys at ${publicJwksFile} are not ${subgraph}'s`);
  }
  if (!published.keys.some((k) => k.kid === jwk.kid && k.x === jwk.x)) {
    throw new Error(`The provenance public keys of ${subgraph} do not publish its signing key ${jwk.kid}`);
  }
  return { key: await importJWK(jwk, "EdDSA"), kid: jwk.kid, published };
}
