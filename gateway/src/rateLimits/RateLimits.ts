/**
 * Request budgets per client address, per agency and per subject (rate-limiter-flexible, fixed
 * windows). In memory for one gateway; in Redis when `REDIS_URL` is set, so that every gateway
 * of a deployment spends one shared budget. A Redis that fails or hangs never stops a request:
 * each rule falls back to its own in-memory budget until Redis answers again (decision 0006).
 */
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type RateLimitRule = "address" | "agency" | "subject";

export interface RateLimitSetting {
  /** Requests allowed per window; 0 turns the rule off. */
  points: number;
  durationSeconds: number;
}

export interface RateLimitConfig {
  redisUrl: string | undefined;
  keyPrefix: string;
  /** How long a Redis command may take before the in-memory fallback answers. */
  redisTimeoutMs: number;
  rules: Record<RateLimitRule, RateLimitSetting>;
}

/** A request over one rule's budget. */
export interface RateLimitExceeded {
  rule: RateLimitRule;
  limit: number;
  durationSeconds: number;
  retryAfterSeconds: number;
  /** The first refusal of this key in its window (log it once, not per request). */
  first: boolean;
}

export interface RateLimits {
  /** Spends one request of each key's budget, in order; the first rule exceeded, or undefined. */
  consume(keys: Partial<Record<RateLimitRule, string>>): Promise<RateLimitExceeded | undefined>;
  readonly store: "memory" | "redis";
  /** True while budgets are shared: Redis is connected (always true for the memory store). */
  readonly shared: boolean;
  /** The Redis connection, when REDIS_URL is set (the DPoP replay check shares it). */
  readonly redis: Redis | undefined;
  stop(): Promise<void>;
}

const RULE_ORDER: readonly RateLimitRule[] = ["address", "subject", "agency"];

/** How often a failing Redis is logged: once per interval, never per request. */
const REDIS_LOG_INTERVAL_MS = 60_000;

export function createRateLimits(config: RateLimitConfig, log: Logger): RateLimits {
  const redis = config.redisUrl ? connectRedis(config, log) : undefined;
  const limiters = new Map<RateLimitRule, RateLimiterAbstract>();
  // Checked narrowest first: a subject over its own budget is refused before it spends a point
  // of its agency's, so one caller cannot use up the budget of everyone in its agency.
  for (const rule of RULE_ORDER) {
    const setting = config.rules[rule];
    if (setting.points <= 0) continue;
    const options = {
      points: setting.points,
      duration: setting.durationSeconds,
      keyPrefix: `${config.keyPrefix}:${rule}`,
    };
    limiters.set(
      rule,
      redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options),
    );
  }

  return {
    store: redis ? "redis" : "memory",
    redis,
    get shared() {
      return redis ? redis.status === "ready" : true;
    },
    async consume(keys) {
      for (const [rule, limiter] of limiters) {
        const key = keys[rule];
        if (key === undefined) continue;
        try {
          await limiter.consume(key);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) {
            // Only a store failing past its fallback gets here: rate limiting fails open, data never stops.
            log.warn({ err: rejection, rule }, "rate limit not checked");
            continue;
          }
          const setting = config.rules[rule];
          return {
            rule,
            limit: setting.points,
            durationSeconds: setting.durationSeconds,
            retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
            first: rejection.consumedPoints === setting.points + 1,
          };
        }
      }
      return undefined;
    },
    async stop() {
      if (redis) redis.disconnect();
    },
  };
}

function connectRedis(config: RateLimitConfig, log: Logger): Redis {
  // No offline queue and a command timeout: while Redis is away, commands fail at once and the
  // in-memory fallback answers, instead of requests waiting for a reconnect.
  const redis = new Redis(config.redisUrl ?? "", {
    enableOfflineQueue: false,
    commandTimeout: config.redisTimeoutMs,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastLogged = 0;
  redis.on("error", (error: Error) => {
    const now = Date.now();
    if (now - lastLogged < REDIS_LOG_INTERVAL_MS) return;
    lastLogged = now;
    log.warn(
      { err: { message: error.message } },
      "rate limit store unavailable; budgets are per gateway until it returns",
    );
  });
  redis.on("ready", () => {
    if (lastLogged > 0) log.info("rate limit store available again; budgets are shared");
    lastLogged = 0;
  });
  return redis;
}
