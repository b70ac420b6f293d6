/** A replay store in Redis, shared by every gateway of a deployment: a proof used at one is refused at all. */
import type { Redis } from "ioredis";
import type { DpopReplayStore } from "./DpopReplayStore";

/**
 * One `SET key NX EX ttl` per proof: atomic, so two gateways receiving the same proof at once cannot both
 * see it as new. Any Redis error is thrown. Give the client `enableOfflineQueue: false` and a
 * `commandTimeout`, so that while Redis is away a request is refused at once instead of waiting.
 */
export function redisReplayStore(redis: Redis, prefix: string): DpopReplayStore {
  return {
    async firstUse(key, ttlSeconds) {
      const ttl = Math.max(1, Math.ceil(ttlSeconds));
      const answer = await redis.set(`${prefix}:${key}`, "1", "EX", ttl, "NX");
      return answer === "OK";
    },
  };
}
