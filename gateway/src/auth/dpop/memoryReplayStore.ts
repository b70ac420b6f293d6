/** A replay store in this process's memory: enough for one gateway; several gateways share a Redis one. */
import type { DpopReplayStore } from "./DpopReplayStore";

/**
 * Entries expire after their time to live. When the store is full of entries that have not expired it
 * throws (the request is refused as unavailable) rather than forgetting one: a forgotten `jti` could be
 * replayed. Only callers with a valid DPoP-bound token reach the store, so filling it takes real tokens.
 */
export function memoryReplayStore(options: { maxEntries?: number; now?: () => number } = {}): DpopReplayStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  /** Key → expiry (ms). A Map keeps insertion order, which is close to expiry order: one window for all. */
  const seen = new Map<string, number>();

  const sweep = (at: number, everything: boolean) => {
    for (const [key, expires] of seen) {
      if (expires <= at) seen.delete(key);
      else if (!everything) return;
    }
  };

  return {
    async firstUse(key, ttlSeconds) {
      const at = now();
      sweep(at, false);
      const expires = seen.get(key);
      if (expires !== undefined && expires > at) return false;
      if (seen.size >= maxEntries) sweep(at, true);
      if (seen.size >= maxEntries) throw new Error("the DPoP replay store is full");
      seen.delete(key);
      seen.set(key, at + ttlSeconds * 1000);
      return true;
    },
  };
}
