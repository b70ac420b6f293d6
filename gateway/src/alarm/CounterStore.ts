/**
 * Where the alarm counts (R7-3): sets of persons per bucket, whose unions are a window's count,
 * and a short list of the latest counted events per caller. In memory for one gateway; in Redis
 * (RedisCounterStore.ts) when the gateways of a deployment share one count.
 */

/** One counted disclosure: who was disclosed, the buckets it goes into, what is asked back. */
export interface Tally {
  /** The persons disclosed (personRefs), or one stand-in for an event that names none. */
  members: readonly string[];
  /** Bucket keys the members are added to, each kept for `ttlMs`. */
  buckets: readonly { key: string; ttlMs: number }[];
  /** The caller's list of latest events: this event's id goes first, `keep` are kept. */
  recent: { key: string; eventId: string; keep: number; ttlMs: number };
  /** Groups of bucket keys whose union sizes are returned, in order. */
  unions: readonly (readonly string[])[];
}

export interface CounterStore {
  readonly kind: "memory" | "redis";
  /** Adds the members and the event, then returns the sizes of the unions asked for. */
  tally(tally: Tally, now: number): Promise<number[]>;
  /** The size of each bucket (history), 0 for one that is gone. */
  sizes(keys: readonly string[], now: number): Promise<number[]>;
  /** The latest events of a caller's list, newest first. */
  recent(key: string, now: number): Promise<string[]>;
}

interface Kept<T> {
  value: T;
  expiresAt: number;
}

/** Expired entries are swept every this many tallies, so memory follows the windows, not the uptime. */
const SWEEP_EVERY = 1000;

export function memoryCounterStore(): CounterStore {
  const sets = new Map<string, Kept<Set<string>>>();
  const lists = new Map<string, Kept<string[]>>();
  let tallies = 0;
  const live = <T>(map: Map<string, Kept<T>>, key: string, now: number): T | undefined => {
    const kept = map.get(key);
    if (kept && kept.expiresAt <= now) map.delete(key);
    return kept && kept.expiresAt > now ? kept.value : undefined;
  };
  const sweep = (now: number) => {
    for (const map of [sets, lists] as Map<string, Kept<unknown>>[]) {
      for (const [key, kept] of map) if (kept.expiresAt <= now) map.delete(key);
    }
  };
  return {
    kind: "memory",
    async tally(tally, now) {
      if (++tallies % SWEEP_EVERY === 0) sweep(now);
      for (const { key, ttlMs } of tally.buckets) {
        const set = live(sets, key, now) ?? new Set<string>();
        for (const member of tally.members) set.add(member);
        sets.set(key, { value: set, expiresAt: now + ttlMs });
      }
      const { key, eventId, keep, ttlMs } = tally.recent;
      const list = [eventId, ...(live(lists, key, now) ?? [])].slice(0, keep);
      lists.set(key, { value: list, expiresAt: now + ttlMs });
      return tally.unions.map((keys) => {
        const union = new Set<string>();
        for (const k of keys) for (const member of live(sets, k, now) ?? []) union.add(member);
        return union.size;
      });
    },
    async sizes(keys, now) {
      return keys.map((key) => live(sets, key, now)?.size ?? 0);
    },
    async recent(key, now) {
      return [...(live(lists, key, now) ?? [])];
    },
  };
}
