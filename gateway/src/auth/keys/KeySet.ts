/** One fetched key set of an issuer, with jose's key selection over the keys still trusted, and its age. */
import { createLocalJWKSet, type JWK } from "jose";
import type { KeyCacheSettings, KeySetStatus, KeySource } from "./KeyCacheSettings";

export interface KeySet {
  published: JWK[];
  keyIds: string[];
  jwksUri: string | null;
  fetchedAt: number;
  /** jose's selection (kid, alg, kty) over the published keys minus the distrusted ones. */
  lookup: ReturnType<typeof createLocalJWKSet>;
}

/**
 * Distrusted keys are left out of the lookup itself, not only refused by kid: a token without a
 * kid would otherwise still be verified with one of them.
 */
export function buildKeySet(
  published: JWK[],
  jwksUri: string | null,
  fetchedAt: number,
  distrusted: ReadonlySet<string>,
): KeySet {
  const trusted = published.filter((key) => key.kid === undefined || !distrusted.has(key.kid));
  const keyIds = published.flatMap((key) => (key.kid === undefined ? [] : [key.kid]));
  return { published, keyIds, jwksUri, fetchedAt, lookup: createLocalJWKSet({ keys: trusted }) };
}

/** Fresh until refreshAfterMs, stale for staleIfErrorMs more, then unusable; a file is never stale. */
export function keySetState(
  set: KeySet | null,
  source: KeySource["kind"],
  settings: KeyCacheSettings,
  now: number,
): KeySetStatus["state"] {
  if (set === null) return "unavailable";
  if (source === "file") return "fresh";
  const age = now - set.fetchedAt;
  if (age < settings.refreshAfterMs) return "fresh";
  return now < staleUntil(set, settings) ? "stale" : "unavailable";
}

export function staleUntil(set: KeySet, settings: KeyCacheSettings): number {
  return set.fetchedAt + settings.refreshAfterMs + settings.staleIfErrorMs;
}
