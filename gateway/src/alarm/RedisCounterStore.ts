/**
 * The alarm's counts in Redis, shared by every gateway of a deployment: one HyperLogLog per
 * bucket (PFADD; PFCOUNT of several keys is the size of their union, within about 1%), one capped
 * list of the latest events per caller. A caller's keys share one hash tag, so one caller's
 * commands stay on one node of a cluster. While Redis fails, each gateway counts in its own
 * memory and says so once a minute: counts are then per gateway, suspensions (in the audit
 * database) are unaffected.
 */
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { memoryCounterStore, type CounterStore } from "./CounterStore";

const LOG_INTERVAL_MS = 60_000;

export function redisCounterStore(redis: Redis, log: Logger): CounterStore {
  const fallback = memoryCounterStore();
  let lastLogged = 0;
  const failed = (error: unknown, now: number) => {
    if (now - lastLogged < LOG_INTERVAL_MS) return;
    lastLogged = now;
    log.warn(
      { err: { message: (error as Error).message } },
      "alarm counter store unavailable; each gateway counts alone until it returns",
    );
  };
  const run = async <T>(now: number, redisWay: () => Promise<T>, memoryWay: () => Promise<T>): Promise<T> => {
    try {
      return await redisWay();
    } catch (error) {
      failed(error, now);
      return memoryWay();
    }
  };
  const results = (replies: [Error | null, unknown][] | null): unknown[] => {
    if (!replies) throw new Error("the Redis transaction was discarded");
    return replies.map(([error, value]) => {
      if (error) throw error;
      return value;
    });
  };

  return {
    kind: "redis",
    tally: (tally, now) =>
      run(
        now,
        async () => {
          const multi = redis.multi();
          for (const { key, ttlMs } of tally.buckets) multi.pfadd(key, ...tally.members).pexpire(key, ttlMs);
          const { key, eventId, keep, ttlMs } = tally.recent;
          multi
            .lpush(key, eventId)
            .ltrim(key, 0, keep - 1)
            .pexpire(key, ttlMs);
          for (const keys of tally.unions) multi.pfcount([...keys]);
          const values = results(await multi.exec());
          return values.slice(values.length - tally.unions.length).map(Number);
        },
        () => fallback.tally(tally, now),
      ),
    sizes: (keys, now) =>
      run(
        now,
        async () => {
          const pipeline = redis.pipeline();
          for (const key of keys) pipeline.pfcount(key);
          return results(await pipeline.exec()).map(Number);
        },
        () => fallback.sizes(keys, now),
      ),
    recent: (key, now) =>
      run(
        now,
        () => redis.lrange(key, 0, -1),
        () => fallback.recent(key, now),
      ),
  };
}
