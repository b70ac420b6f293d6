/**
 * Counts one caller's (or agency's) disclosures into its windows and history and says which check
 * it crossed (R7-3). The count of a window is the number of distinct persons whose data of a
 * counted category the caller received in it: reading one traveller a hundred times is one, a
 * harvest of a hundred travellers is a hundred. Counting starts again after a lift (`epoch`).
 */
import type { SuspensionScope } from "@hub/contracts";
import type { AlarmConfig } from "./alarmConfig";
import {
  bucketsOf,
  crossingOf,
  historyIndexes,
  LONG_BUCKETS,
  median,
  SHORT_BUCKETS,
  windowIndexes,
  type Counts,
  type Crossing,
} from "./alarmWindows";
import type { CounterStore } from "./CounterStore";

/** Whose counts: a subject within its agency, or an agency; `epoch` the time of its last lift (0: never). */
export interface CountTarget {
  scope: SuspensionScope;
  /** The caller key of its suspensions (suspensionKey). */
  key: string;
  epoch: number;
}

export interface Counted {
  counts: Counts;
  crossing: Crossing | undefined;
}

/** How many of the latest counted events a suspension names as its evidence. */
export const EVIDENCE_EVENTS = 20;

/** Medians kept per caller and history period, since past periods no longer change. */
const MEDIAN_CACHE_LIMIT = 100_000;

export class AlarmCounter {
  private readonly short;
  private readonly long;
  private readonly medians = new Map<string, { period: number; median: number }>();

  constructor(
    private readonly config: AlarmConfig,
    private readonly store: CounterStore,
  ) {
    this.short = bucketsOf(config.short.seconds, SHORT_BUCKETS);
    this.long = bucketsOf(config.long.seconds, LONG_BUCKETS);
  }

  /** Adds the persons of one event to the target's buckets; its counts after it, and a crossing if any. */
  async count(target: CountTarget, members: readonly string[], eventId: string, now: number): Promise<Counted> {
    const base = this.base(target);
    const shortKeys = windowIndexes(now, this.short).map((i) => `${base}:${target.epoch}:s:${i}`);
    const longKeys = windowIndexes(now, this.long).map((i) => `${base}:${target.epoch}:l:${i}`);
    const longMs = this.config.long.seconds * 1000;
    const { periods } = this.config.history;
    const currentPeriod = Math.floor(now / longMs);
    const [short = 0, long = 0] = await this.store.tally(
      {
        members,
        buckets: [
          { key: shortKeys.at(-1) ?? "", ttlMs: this.config.short.seconds * 1000 + this.short.bucketMs },
          { key: longKeys.at(-1) ?? "", ttlMs: longMs + this.long.bucketMs },
          // History is the caller's habit and is kept across lifts: no epoch.
          { key: `${base}:h:${currentPeriod}`, ttlMs: (periods + 1) * longMs },
        ],
        recent: { key: this.recentKey(target), eventId, keep: EVIDENCE_EVENTS, ttlMs: longMs },
        unions: [shortKeys, longKeys],
      },
      now,
    );
    const counts: Counts = { short, long, median: await this.median(target, now) };
    return { counts, crossing: crossingOf(target.scope, counts, this.config) };
  }

  /** The latest counted events of the target since its last lift, newest first. */
  recent(target: CountTarget, now: number): Promise<string[]> {
    return this.store.recent(this.recentKey(target), now);
  }

  private base(target: CountTarget): string {
    // The hash tag ({...}) keeps one caller's keys on one Redis cluster node.
    return `${this.config.keyPrefix}:{${target.key}}`;
  }

  private recentKey(target: CountTarget): string {
    return `${this.base(target)}:${target.epoch}:recent`;
  }

  private async median(target: CountTarget, now: number): Promise<number> {
    if (this.config.history.factor === 0) return 0;
    const longSeconds = this.config.long.seconds;
    const period = Math.floor(now / (longSeconds * 1000));
    const cached = this.medians.get(target.key);
    if (cached?.period === period) return cached.median;
    const keys = historyIndexes(now, longSeconds, this.config.history.periods).map(
      (i) => `${this.base(target)}:h:${i}`,
    );
    const value = median(await this.store.sizes(keys, now));
    if (this.medians.size >= MEDIAN_CACHE_LIMIT) this.medians.clear();
    this.medians.set(target.key, { period, median: value });
    return value;
  }
}
