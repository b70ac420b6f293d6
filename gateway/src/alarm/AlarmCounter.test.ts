/** The alarm's counting (R7-3): distinct persons per sliding window, ceilings, history, epochs; the clock is given. */
import { describe, expect, it } from "@jest/globals";
import { alarmConfigOf, alarmVariables, type AlarmConfig } from "./alarmConfig";
import { AlarmCounter, type CountTarget } from "./AlarmCounter";
import { crossingOf, median, windowIndexes, bucketsOf } from "./alarmWindows";
import { memoryCounterStore } from "./CounterStore";
import { z } from "zod";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A fixed start, at the beginning of a day (UTC) so that history periods are whole days. */
const T0 = Date.UTC(2026, 0, 15);

function config(overrides: Record<string, string> = {}): AlarmConfig {
  const off = {
    HUB_ALARM_SUBJECT_SHORT_CEILING: "0",
    HUB_ALARM_SUBJECT_LONG_CEILING: "0",
    HUB_ALARM_AGENCY_SHORT_CEILING: "0",
    HUB_ALARM_AGENCY_LONG_CEILING: "0",
    HUB_ALARM_HISTORY_FACTOR: "0",
  };
  return alarmConfigOf(z.object(alarmVariables()).parse({ ...off, ...overrides }));
}

const officer: CountTarget = { scope: "SUBJECT", key: "SUBJECT:BORDER_POLICE:officer-1", epoch: 0 };
const persons = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `PR${String(from + i).padStart(16, "A")}`);

describe("alarm windows", () => {
  it("cuts the short window into ten buckets ending with the current one", () => {
    const buckets = bucketsOf(600, 10);
    expect(buckets.bucketMs).toBe(MINUTE);
    const at = T0 + 5 * MINUTE + 30_000;
    const indexes = windowIndexes(at, buckets);
    expect(indexes).toHaveLength(10);
    expect(indexes.at(-1)).toBe(Math.floor(at / MINUTE));
  });

  it("takes the median of an odd and an even history", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it("names the short ceiling first, then the long one, then the history", () => {
    const c = config({
      HUB_ALARM_SUBJECT_SHORT_CEILING: "10",
      HUB_ALARM_SUBJECT_LONG_CEILING: "20",
      HUB_ALARM_HISTORY_FACTOR: "3",
      HUB_ALARM_HISTORY_SUBJECT_FLOOR: "5",
    });
    expect(crossingOf("SUBJECT", { short: 11, long: 30, median: 1 }, c)).toMatchObject({ check: "CEILING", limit: 10 });
    expect(crossingOf("SUBJECT", { short: 10, long: 21, median: 1 }, c)).toMatchObject({
      check: "CEILING",
      limit: 20,
      windowSeconds: 86_400,
    });
    expect(crossingOf("SUBJECT", { short: 7, long: 7, median: 2 }, c)).toMatchObject({
      check: "HISTORY",
      limit: 6,
      factor: 3,
      median: 2,
    });
    // At the ceiling is not beyond it; under the floor the history does not judge.
    expect(crossingOf("SUBJECT", { short: 10, long: 20, median: 10 }, c)).toBeUndefined();
    expect(crossingOf("SUBJECT", { short: 4, long: 4, median: 0 }, c)).toBeUndefined();
    expect(crossingOf("AGENCY", { short: 1000, long: 1000, median: 0 }, c)).toBeUndefined();
  });
});

describe("AlarmCounter", () => {
  it("counts distinct persons: the same traveller read again is one", async () => {
    const counter = new AlarmCounter(config(), memoryCounterStore());
    for (let i = 0; i < 5; i++) await counter.count(officer, persons(0, 1), `e${i}`, T0 + i * 1000);
    const { counts } = await counter.count(officer, persons(0, 3), "e5", T0 + 6000);
    expect(counts).toEqual({ short: 3, long: 3, median: 0 });
  });

  it("crosses the short ceiling in a burst, and names the latest events newest first", async () => {
    const counter = new AlarmCounter(config({ HUB_ALARM_SUBJECT_SHORT_CEILING: "4" }), memoryCounterStore());
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await counter.count(officer, persons(i, 1), `e${i}`, T0 + i * 1000));
    expect(results.map((r) => r.crossing?.check ?? null)).toEqual([null, null, null, null, "CEILING", "CEILING"]);
    expect(results[4]?.crossing).toMatchObject({ count: 5, limit: 4, windowSeconds: 600 });
    expect(await counter.recent(officer, T0 + 6000)).toEqual(["e5", "e4", "e3", "e2", "e1", "e0"]);
  });

  it("slides: reads older than the short window no longer count in it, but still in the long one", async () => {
    const counter = new AlarmCounter(config({ HUB_ALARM_SUBJECT_SHORT_CEILING: "4" }), memoryCounterStore());
    for (let i = 0; i < 4; i++) await counter.count(officer, persons(i, 1), `a${i}`, T0 + i * MINUTE);
    // Eleven minutes later the first four are out of the ten-minute window.
    const later = await counter.count(officer, persons(10, 2), "b", T0 + 14 * MINUTE);
    expect(later.counts.short).toBe(2);
    expect(later.counts.long).toBe(6);
    expect(later.crossing).toBeUndefined();
  });

  it("starts counting afresh after a lift (a new epoch), keeping the history", async () => {
    const counter = new AlarmCounter(config({ HUB_ALARM_SUBJECT_SHORT_CEILING: "2" }), memoryCounterStore());
    const burst = await counter.count(officer, persons(0, 3), "burst", T0);
    expect(burst.crossing?.check).toBe("CEILING");
    const lifted = { ...officer, epoch: T0 + 1000 };
    const after = await counter.count(lifted, persons(0, 1), "after", T0 + 2000);
    expect(after.counts.short).toBe(1);
    expect(after.crossing).toBeUndefined();
    expect(await counter.recent(lifted, T0 + 2000)).toEqual(["after"]);
  });

  it("compares the long window with the caller's own daily median", async () => {
    const c = config({
      HUB_ALARM_HISTORY_FACTOR: "3",
      HUB_ALARM_HISTORY_PERIODS: "3",
      HUB_ALARM_HISTORY_SUBJECT_FLOOR: "4",
    });
    const counter = new AlarmCounter(c, memoryCounterStore());
    // Three ordinary days of two persons each.
    for (let day = 0; day < 3; day++) await counter.count(officer, persons(day * 10, 2), `d${day}`, T0 + day * DAY);
    const today = T0 + 3 * DAY + 2 * 3_600_000;
    const ordinary = await counter.count(officer, persons(100, 6), "t0", today);
    expect(ordinary.counts.median).toBe(2);
    expect(ordinary.crossing).toBeUndefined();
    const unusual = await counter.count(officer, persons(200, 1), "t1", today + 1000);
    expect(unusual.crossing).toMatchObject({ check: "HISTORY", count: 7, limit: 6, median: 2, historyPeriods: 3 });
  });

  it("keeps a subject's and its agency's counts apart", async () => {
    const counter = new AlarmCounter(config({ HUB_ALARM_AGENCY_SHORT_CEILING: "3" }), memoryCounterStore());
    const agency: CountTarget = { scope: "AGENCY", key: "AGENCY:BORDER_POLICE", epoch: 0 };
    const other: CountTarget = { ...officer, key: "SUBJECT:BORDER_POLICE:officer-2" };
    await counter.count(officer, persons(0, 2), "a", T0);
    await counter.count(agency, persons(0, 2), "a", T0);
    const second = await counter.count(other, persons(5, 2), "b", T0 + 1000);
    const whole = await counter.count(agency, persons(5, 2), "b", T0 + 1000);
    expect(second.counts.short).toBe(2);
    expect(whole.counts.short).toBe(4);
    expect(whole.crossing).toMatchObject({ check: "CEILING", limit: 3 });
  });
});
