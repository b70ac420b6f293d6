/**
 * The agencies' published provenance keys: each subgraph's public key set, named by the subgraph
 * (its file in the key folder, its `/.well-known/jwks.json`), or several in one document (the
 * gateway's `/provenance/keys`). Read defensively: a key set is input like any other.
 */
import type { JSONWebKeySet, JWK } from "jose";
import { SUBGRAPHS } from "../vocabulary";

/** One subgraph's published key set: a JWKS with the subgraph and agency it is for. */
export interface AgencyKeySet extends JSONWebKeySet {
  subgraph: string;
  agency: string;
}

/** Keys by subgraph name. */
export type PublishedKeys = Record<string, JSONWebKeySet>;

/** The document the gateway republishes: every agency's key set. */
export interface AgencyKeysDocument {
  agencies: AgencyKeySet[];
}

const MAX_KEYS_PER_AGENCY = 16;

function publicKey(value: unknown): JWK | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const jwk = value as JWK;
  // A set that holds private key material is a mistake nobody should verify against.
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string" || "d" in jwk) return null;
  return jwk;
}

function agencyKeySet(value: unknown): AgencyKeySet {
  if (typeof value !== "object" || value === null) throw new Error("a key set is not an object");
  const { subgraph, keys } = value as { subgraph?: unknown; keys?: unknown };
  if (typeof subgraph !== "string" || !Object.hasOwn(SUBGRAPHS, subgraph)) {
    throw new Error(`a key set names no known subgraph (${String(subgraph).slice(0, 40)})`);
  }
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS_PER_AGENCY) {
    throw new Error(`the key set of ${subgraph} has no keys or too many`);
  }
  const checked = keys.map(publicKey);
  if (checked.some((k) => k === null))
    throw new Error(`the key set of ${subgraph} holds a key that is not a public Ed25519 key`);
  return { subgraph, agency: SUBGRAPHS[subgraph as keyof typeof SUBGRAPHS], keys: checked as JWK[] };
}

/** Reads one subgraph's key set or a document of several; returns the sets found. */
export function parseKeySets(value: unknown): AgencyKeySet[] {
  if (typeof value === "object" && value !== null && Array.isArray((value as AgencyKeysDocument).agencies)) {
    return (value as AgencyKeysDocument).agencies.map(agencyKeySet);
  }
  return [agencyKeySet(value)];
}

/** Merges key sets by subgraph (a subgraph rotating its key publishes both for a while). */
export function publishedKeys(sets: readonly AgencyKeySet[]): PublishedKeys {
  const keys: PublishedKeys = {};
  for (const set of sets) keys[set.subgraph] = { keys: [...(keys[set.subgraph]?.keys ?? []), ...set.keys] };
  return keys;
}
