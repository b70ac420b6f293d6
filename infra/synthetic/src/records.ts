/** State and helpers shared by the per-agency generators: the person seeds, retention dates, record ids. */
import { type Day, addYears, formatDay, toDay, yearOf } from "./dates";
import type { NameGroup } from "./names";
import type { Rng } from "./random";
import type { SyntheticPerson } from "./types";

/** A generated person plus the derived facts the other generators need, so they never re-parse dates. */
export interface PersonSeed {
  index: number;
  record: SyntheticPerson;
  birth: Day;
  /** 18th birthday. */
  adultFrom: Day;
  primary: string;
  /** Holds the home country's citizenship (possibly besides another). */
  national: boolean;
  nameGroup: NameGroup;
  guardian: PersonSeed | null;
}

export interface WorldClock {
  asOf: Day;
  /** Start of the recorded history (border crossings and case records). */
  start: Day;
  /** Latest end of retention given out: ten years after asOf. */
  retainLatest: Day;
}

export function worldClock(asOf: string): WorldClock {
  const asOfDay = toDay(asOf);
  // Records go back to 2019, or two years when asOf is set early, so the history is never empty.
  return { asOf: asOfDay, start: Math.min(toDay("2019-01-01"), asOfDay - 730), retainLatest: addYears(asOfDay, 10) };
}

/** Share of every record kind whose retention period has already run out at asOf. */
export const PAST_RETENTION_SHARE = 0.03;

/**
 * End of retention for a record made on `recordDay`. Most run a few years past asOf; a small
 * share have lapsed already, which is what the hub must then stop disclosing in identifiable form.
 */
export function retainUntil(rng: Rng, clock: WorldClock, recordDay: Day): string {
  if (rng.chance(PAST_RETENTION_SHARE)) return formatDay(pastRetention(rng, clock, recordDay));
  return formatDay(rng.day(clock.asOf + 180, clock.retainLatest));
}

function pastRetention(rng: Rng, clock: WorldClock, recordDay: Day): Day {
  const earliest = Math.max(recordDay + 1, clock.asOf - 730);
  return earliest >= clock.asOf ? clock.asOf - 1 : rng.day(earliest, clock.asOf - 1);
}

/**
 * Tops up lapsed retention so even a small world has some of each record kind: the 3 % share
 * alone would leave kinds with a handful of records without any.
 */
export function ensurePastRetention<T extends { retainUntil: string }>(
  records: T[],
  rng: Rng,
  clock: WorldClock,
  dayOf: (record: T) => Day,
  minimum = 2,
): void {
  const asOf = formatDay(clock.asOf);
  const wanted = Math.min(minimum, records.length);
  let lapsed = records.filter((r) => r.retainUntil < asOf).length;
  if (lapsed >= wanted) return;
  for (const record of rng.sample(records, records.length)) {
    if (record.retainUntil >= asOf) {
      record.retainUntil = formatDay(pastRetention(rng, clock, dayOf(record)));
      if (++lapsed >= wanted) return;
    }
  }
}

/**
 * Sorts records by date (then person, for ties) and numbers them in that order, the way a
 * register's sequence would: per calendar year when `perYear`, otherwise across the whole list.
 */
export function numberChronologically<T extends { personRef: string }>(
  records: T[],
  dayOf: (record: T) => Day,
  assign: (record: T, sequence: number, year: number) => void,
  perYear = false,
): void {
  // Days are computed once up front: the comparator would otherwise re-parse dates n log n times.
  const keyed = records.map((record) => ({ record, day: dayOf(record) }));
  keyed.sort(
    (a, b) =>
      a.day - b.day || (a.record.personRef < b.record.personRef ? -1 : a.record.personRef > b.record.personRef ? 1 : 0),
  );
  const counters = new Map<number, number>();
  let overall = 0;
  keyed.forEach(({ record }, i) => (records[i] = record));
  for (const { record, day } of keyed) {
    const year = yearOf(day);
    const sequence = perYear ? (counters.get(year) ?? 0) + 1 : ++overall;
    counters.set(year, sequence);
    assign(record, sequence, year);
  }
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Picks `count` persons (at least `minimum`, at most all candidates), weighted; see `Rng.weightedSample`. */
export function choosePersons(
  rng: Rng,
  candidates: readonly PersonSeed[],
  weight: (p: PersonSeed) => number,
  count: number,
  minimum: number,
  atLeastOne: readonly ((p: PersonSeed) => boolean)[] = [],
): PersonSeed[] {
  const chosen = rng.weightedSample(candidates, weight, Math.max(count, minimum), atLeastOne);
  // Later generators iterate in population order, which keeps their output stable.
  return chosen.sort((a, b) => a.index - b.index);
}

export function clampDay(day: Day, min: Day, max: Day): Day {
  return Math.min(Math.max(day, min), max);
}
