/**
 * A subgraph's provenance key files in a key folder: the private JWK it signs with and the key set
 * it publishes (`provenance-<subgraph>.jwks.json`, the name verify-response looks for). Development
 * keys are made here, like the hub's other development keys, and never committed. Node only.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { SUBGRAPHS } from "../vocabulary";
import type { AgencyKeySet } from "./publishedKeys";

export interface ProvenanceKeyFiles {
  privateJwk: string;
  publicJwks: string;
}

export function provenanceKeyFiles(keysDir: string, subgraph: string): ProvenanceKeyFiles {
  return {
    privateJwk: path.join(keysDir, `provenance-${subgraph}.private.jwk.json`),
    publicJwks: path.join(keysDir, `provenance-${subgraph}.jwks.json`),
  };
}

export function agencyOfSubgraph(subgraph: string): string {
  if (!Object.hasOwn(SUBGRAPHS, subgraph))
    throw new Error(`Subgraph ${subgraph} has no agency in SUBGRAPHS (contracts)`);
  return SUBGRAPHS[subgraph as keyof typeof SUBGRAPHS];
}

/** Creates the subgraph's development key pair in `keysDir` unless it exists. Returns the files. */
export async function ensureProvenanceKey(keysDir: string, subgraph: string): Promise<ProvenanceKeyFiles> {
  const files = provenanceKeyFiles(keysDir, subgraph);
  if (existsSync(files.privateJwk) && existsSync(files.publicJwks)) return files;
  const agency = agencyOfSubgraph(subgraph);
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
