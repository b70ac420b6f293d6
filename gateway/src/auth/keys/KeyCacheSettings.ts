/** Where an issuer's keys come from, how long they are cached, and what an operator is shown of them. */

export type KeySource = { kind: "discovery" } | { kind: "jwks-url"; url: URL } | { kind: "file"; path: string };

export interface KeyCacheSettings {
  /** A key set older than this is fetched again. */
  refreshAfterMs: number;
  /** After refreshAfterMs, how long the last good set is still used while fetches fail. */
  staleIfErrorMs: number;
  /** An unknown kid triggers a refresh at most this often. */
  unknownKidCooldownMs: number;
  /** While no usable set exists or a refresh failed, retry no more often than this. */
  retryAfterFailureMs: number;
  /** Each HTTP fetch, body included. */
  fetchTimeoutMs: number;
}

export const DEFAULT_KEY_CACHE: KeyCacheSettings = Object.freeze({
  refreshAfterMs: 10 * 60_000,
  // Long enough to ride out a provider's bad night; bounded so a key removed during the outage is
  // not trusted for ever.
  staleIfErrorMs: 6 * 60 * 60_000,
  unknownKidCooldownMs: 30_000,
  retryAfterFailureMs: 5_000,
  fetchTimeoutMs: 5_000,
});

export interface KeySetStatus {
  issuer: string;
  source: KeySource["kind"];
  jwksUri: string | null;
  keyIds: string[];
  distrusted: string[];
  /** ISO time of the last good fetch. */
  fetchedAt: string | null;
  /** One line, safe to show an operator (never a response body dump). */
  lastError: string | null;
  state: "fresh" | "stale" | "unavailable";
}

/** The defaults with `overrides` applied; a negative, fractional or non-finite value is a configuration error. */
export function keyCacheSettings(overrides: Partial<KeyCacheSettings> = {}): KeyCacheSettings {
  const settings = { ...DEFAULT_KEY_CACHE };
  for (const name of Object.keys(DEFAULT_KEY_CACHE) as (keyof KeyCacheSettings)[]) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`Key cache setting ${name} must be a whole number of milliseconds, not ${String(value)}.`);
    }
    settings[name] = value;
  }
  if (settings.fetchTimeoutMs === 0) throw new Error("Key cache setting fetchTimeoutMs must be above 0.");
  return settings;
}
