import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { createRateLimits, type RateLimitConfig, type RateLimits } from "./RateLimits";

// Redis runs on every machine of this project (and CI) at 127.0.0.1:6379.
const REDIS_URL = "redis://127.0.0.1:6379";
const log = pino({ level: "silent" });
const opened: RateLimits[] = [];

function limits(overrides: Partial<RateLimitConfig> = {}, points = { address: 0, agency: 5, subject: 3 }): RateLimits {
  const created = createRateLimits(
    {
      redisUrl: undefined,
      keyPrefix: `test:${randomUUID()}`,
      redisTimeoutMs: 200,
      rules: {
        address: { points: points.address, durationSeconds: 60 },
        agency: { points: points.agency, durationSeconds: 60 },
        subject: { points: points.subject, durationSeconds: 30 },
      },
      ...overrides,
    },
    log,
  );
  opened.push(created);
  return created;
}

async function spend(limiter: RateLimits, times: number, keys: Parameters<RateLimits["consume"]>[0]) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await limiter.consume(keys));
  return results;
}

afterAll(async () => {
  await Promise.all(opened.map((l) => l.stop()));
});

describe("RateLimits", () => {
  it("allows a subject its budget, then names the rule, the limit and when to retry", async () => {
    const limiter = limits();
    const results = await spend(limiter, 5, { agency: "BORDER_POLICE", subject: "BORDER_POLICE:officer" });
    expect(results.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(results[3]).toMatchObject({ rule: "subject", limit: 3, durationSeconds: 30, first: true });
    expect(results[3]?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(results[3]?.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(results[4]).toMatchObject({ rule: "subject", first: false });
  });

  it("counts an agency's budget over all its subjects, and keeps other agencies apart", async () => {
    const limiter = limits();
    for (let i = 0; i < 5; i++) {
      expect(await limiter.consume({ agency: "BORDER_POLICE", subject: `BORDER_POLICE:officer-${i}` })).toBeUndefined();
    }
    expect(await limiter.consume({ agency: "BORDER_POLICE", subject: "BORDER_POLICE:officer-9" })).toMatchObject({
      rule: "agency",
      limit: 5,
    });
    expect(await limiter.consume({ agency: "MIGRATION_SERVICE", subject: "MIGRATION_SERVICE:clerk" })).toBeUndefined();
  });

  it("refuses a subject over its own budget without spending its agency's", async () => {
    const limiter = limits();
    // The agency's 5 points: one subject's 3 (and 7 more refused by its own budget), another's 2.
    const flood = await spend(limiter, 10, { agency: "BORDER_POLICE", subject: "BORDER_POLICE:officer-a" });
    expect(flood.slice(3).every((r) => r?.rule === "subject")).toBe(true);
    const others = await spend(limiter, 3, { agency: "BORDER_POLICE", subject: "BORDER_POLICE:officer-b" });
    expect(others).toEqual([undefined, undefined, expect.objectContaining({ rule: "agency", limit: 5 })]);
  });

  it("turns a rule with 0 points off", async () => {
    const limiter = limits({}, { address: 0, agency: 0, subject: 0 });
    const results = await spend(limiter, 50, { address: "127.0.0.1", agency: "A", subject: "A:s" });
    expect(results.every((r) => r === undefined)).toBe(true);
  });

  it("shares one budget between two gateways through Redis", async () => {
    const keyPrefix = `test:${randomUUID()}`;
    // A command timeout a loaded machine cannot miss: this test is about sharing, not the fallback.
    const first = limits({ redisUrl: REDIS_URL, keyPrefix, redisTimeoutMs: 5000 });
    const second = limits({ redisUrl: REDIS_URL, keyPrefix, redisTimeoutMs: 5000 });
    expect(first.store).toBe("redis");
    for (let i = 0; i < 100 && !(first.shared && second.shared); i++) await new Promise((r) => setTimeout(r, 50));
    expect([first.shared, second.shared]).toEqual([true, true]);
    const keys = { agency: "BORDER_POLICE", subject: "BORDER_POLICE:officer" };
    expect(await first.consume(keys)).toBeUndefined();
    expect(await second.consume(keys)).toBeUndefined();
    expect(await first.consume(keys)).toBeUndefined();
    expect(await second.consume(keys)).toMatchObject({ rule: "subject", limit: 3 });
  });

  it("keeps limiting, per gateway, while Redis cannot be reached, and answers at once", async () => {
    // A port nothing listens on: every Redis command fails, the in-memory budget answers.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const limiter = limits({ redisUrl: `redis://127.0.0.1:${port}` });
    const started = Date.now();
    const results = await spend(limiter, 4, { agency: "BORDER_POLICE", subject: "BORDER_POLICE:officer" });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(results.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(results[3]).toMatchObject({ rule: "subject", limit: 3 });
  });
});
