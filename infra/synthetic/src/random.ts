/** Seeded pseudo-random generator (sfc32) and sampling helpers, so the synthetic world is reproducible. */

import { type Day, formatDay, toDay } from "./dates";

/** A value with its relative weight; weights need not sum to anything in particular. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** FNV-1a, used only to turn a stream label into seed material. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    private readonly seed: number,
    label = "",
  ) {
    // sfc32 needs four state words; splitmix32 spreads the (often small) seed over all of them.
    let s = (seed ^ hashLabel(label)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // The first outputs of sfc32 are weakly mixed; discard them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /**
   * An independent stream for one part of the world: drawing more numbers in one part then leaves
   * every other part unchanged, which keeps diffs between generator versions small.
   */
  fork(label: string): Rng {
    return new Rng(this.seed, label);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  /** Day number in [from, to], both inclusive. */
  day(from: Day, to: Day): Day {
    return this.int(from, Math.max(from, to));
  }

  /** `YYYY-MM-DD` date in [from, to], both inclusive. */
  dateBetween(from: string, to: string): string {
    return formatDay(this.day(toDay(from), toDay(to)));
  }

  /** Geometric count with the given mean (0, 1, 2, ...), capped. */
  geometric(mean: number, cap: number): number {
    const p = 1 / (mean + 1);
    const n = Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
    return Math.min(n, cap);
  }

  /** `count` distinct items in random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const k = Math.min(count, copy.length);
    for (let i = 0; i < k; i++) {
      const j = this.int(i, copy.length - 1);
      const a = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = a;
    }
    return copy.slice(0, k);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /**
   * `count` distinct items drawn with probability proportional to weight (Efraimidis-Spirakis).
   * Each group in `atLeastOne` that has a candidate contributes its best candidate first, so small
   * populations still show every case the demo relies on.
   */
  weightedSample<T>(
    items: readonly T[],
    weight: (item: T) => number,
    count: number,
    atLeastOne: readonly ((item: T) => boolean)[] = [],
  ): T[] {
    const keyed: { item: T; key: number }[] = [];
    for (const item of items) {
      const w = weight(item);
      const u = this.next();
      if (w > 0) keyed.push({ item, key: -Math.log(1 - u) / w });
    }
    keyed.sort((x, y) => x.key - y.key);
    const chosen = new Set<T>();
    for (const group of atLeastOne) {
      if (chosen.size >= count) break;
      const best = keyed.find((k) => group(k.item) && !chosen.has(k.item));
      if (best) chosen.add(best.item);
    }
    for (const k of keyed) {
      if (chosen.size >= count) break;
      chosen.add(k.item);
    }
    return [...chosen];
  }

  /**
   * Exactly `count` values in the proportions of the weights (largest remainder), shuffled: small
   * record sets then still show the intended mix instead of whatever a few draws happen to give.
   */
  apportion<T>(entries: Weighted<T>, count: number): T[] {
    let total = 0;
    for (const [, w] of entries) total += w;
    const shares = entries.map(([value, w]) => ({ value, exact: (w / total) * count }));
    const out: T[] = [];
    for (const s of shares) for (let i = 0; i < Math.floor(s.exact); i++) out.push(s.value);
    const byRemainder = shares.slice().sort((x, y) => (y.exact % 1) - (x.exact % 1));
    for (let i = 0; out.length < count; i++) {
      const s = byRemainder[i % byRemainder.length];
      if (s === undefined) break;
      out.push(s.value);
    }
    return this.shuffle(out);
  }
}

/** Element at `i`, for indices the caller knows to be in range (`noUncheckedIndexedAccess`). */
export function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`index ${i} out of range (length ${items.length})`);
  return item;
}
