/**
 * Principals of bearer tokens already verified, keyed by the exact token string: a client sends
 * the same token with every request until it expires, and verifying its signature each time was
 * the gateway's largest fixed cost per request. An entry lives until the token's `exp` and never
 * longer than `maxAgeMs` (so a key the identity provider withdraws stops opening the hub within
 * that time); failures are never cached; the oldest entry goes first when the cache is full.
 */
import type { Principal } from "@hub/contracts";

interface Entry {
  principal: Principal;
  /** Epoch milliseconds after which the entry is not served. */
  until: number;
}

export interface VerifiedTokenCacheOptions {
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
}

const freeze = (principal: Principal): Principal =>
  Object.freeze({
    ...principal,
    purposes: Object.freeze([...principal.purposes]) as Principal["purposes"],
    cases: Object.freeze([...principal.cases]) as Principal["cases"],
  });

export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: VerifiedTokenCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The principal of a token verified before and not yet expired, or undefined. */
  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  /** Keeps a verified token's principal until `expSeconds` (the token's `exp`); returns what is served. */
  set(token: string, principal: Principal, expSeconds: number | undefined): Principal {
    const frozen = freeze(principal);
    if (expSeconds === undefined || !Number.isFinite(expSeconds)) return frozen;
    const now = this.now();
    const until = Math.min(expSeconds * 1000, now + this.maxAgeMs);
    if (until <= now) return frozen;
    if (!this.entries.has(token) && this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal: frozen, until });
    return frozen;
  }
}
