/** The alarm's counts in a real Redis: shared between two gateways' stores, and in memory while Redis is away. */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { pino } from "pino";
import { z } from "zod";
import { alarmConfigOf, alarmVariables } from "./alarmConfig";
import { AlarmCounter, type CountTarget } from "./AlarmCounter";
import { redisCounterStore } from "./RedisCounterStore";

// Redis runs on every machine of this project (and CI) at 127.0.0.1:6379.
const T0 = Date.UTC(2026, 0, 15, 9);
const log = pino({ level: "silent" });
const connections: Redis[] = [];
const connect = (port = 6379) => {
  const redis = new Redis({ port, enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: false });
  redis.on("error", () => undefined);
  connections.push(redis);
  return redis;
};
const config = () =>
  alarmConfigOf(
    z.object(alarmVariables()).parse({
      HUB_ALARM_PREFIX: `test:alarm:${randomUUID()}`,
      HUB_ALARM_SUBJECT_SHORT_CEILING: "3",
      HUB_ALARM_HISTORY_FACTOR: "0",
    }),
  );
const officer: CountTarget = { scope: "SUBJECT", key: "SUBJECT:BORDER_POLICE:officer-1", epoch: 0 };
const person = (i: number) => [`PR${String(i).padStart(16, "A")}`];

afterAll(() => {
  for (const redis of connections) redis.disconnect();
});

describe("redisCounterStore", () => {
  it("counts one caller's reads through two gateways as one, and crosses the ceiling together", async () => {
    const c = config();
    const [a, b] = [connect(), connect()];
    await Promise.all([a, b].map((redis) => new Promise((ready) => redis.once("ready", ready))));
    const first = new AlarmCounter(c, redisCounterStore(a, log));
    const second = new AlarmCounter(c, redisCounterStore(b, log));
    expect((await first.count(officer, person(1), "e1", T0)).counts.short).toBe(1);
    expect((await second.count(officer, person(2), "e2", T0 + 1)).counts.short).toBe(2);
    expect((await first.count(officer, person(2), "e3", T0 + 2)).counts.short).toBe(2);
    expect((await second.count(officer, person(3), "e4", T0 + 3)).crossing).toBeUndefined();
    const crossed = await first.count(officer, person(4), "e5", T0 + 4);
    expect(crossed.crossing).toMatchObject({ check: "CEILING", count: 4, limit: 3 });
    expect(await second.recent(officer, T0 + 5)).toEqual(["e5", "e4", "e3", "e2", "e1"]);
  });

  it("counts in memory while Redis cannot be reached", async () => {
    // A port nothing listens on: every command fails, the memory store answers.
    const counter = new AlarmCounter(config(), redisCounterStore(connect(1), log));
    for (let i = 0; i < 3; i++) await counter.count(officer, person(i), `e${i}`, T0 + i);
    const crossed = await counter.count(officer, person(9), "e9", T0 + 9);
    expect(crossed.crossing).toMatchObject({ check: "CEILING", count: 4 });
  });
});
