/**
 * Callers of bearer tokens already verified, keyed by the exact token string: a client sends
 * the same token with every request until it expires, and verifying its signature each time was
 * the gateway's largest fixed cost per request. An entry lives until the token's `exp` and never
 * longer than `maxAgeMs` (so a key the identity provider withdraws stops opening the hub within
 * that time); failures are never cached; the oldest entry goes first when the cache is full.
 * Whoever reads an entry still checks that its key is trusted (a distrusted or removed key stops
 * its tokens at once).
 */
interface Entry<T> {
  value: T;
  /** Epoch milliseconds after which the entry is not served. */
  until: number;
}

export interface VerifiedTokenCacheOptions {
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
}

/** A frozen copy, arrays and objects within it too, so that no request can change what the next is given. */
function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (value && typeof value === "object") {
    return Object.freeze(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v as unknown)]))) as T;
  }
  return value;
}

export class VerifiedTokenCache<T extends object> {
  private readonly entries = new Map<string, Entry<T>>();
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

  /** What a token verified before and not yet expired gave, or undefined. */
  get(token: string): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps what a verified token gave until `expSeconds` (the token's `exp`); returns it. */
  set(token: string, verified: T, expSeconds: number | undefined): T {
    const value = frozenCopy(verified);
    if (expSeconds === undefined || !Number.isFinite(expSeconds)) return value;
    const now = this.now();
    const until = Math.min(expSeconds * 1000, now + this.maxAgeMs);
    if (until <= now) return value;
    if (!this.entries.has(token) && this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { value, until });
    return value;
  }
}
