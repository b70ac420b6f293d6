/**
 * Rate limits per subject, per agency and per client address, on gateways of this file's own
 * with low budgets: 429 with Retry-After and RATE_LIMITED naming the rule; budgets shared by two
 * gateways through Redis; data still served while Redis is away (decision 0006).
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "@jest/globals";
import { auditEventCount, auditEventOf } from "../harness/auditDb";
import { as, gql, type Answer, type RequestOptions } from "../harness/fixtures";
import { startOwnGateway, startTcpRelay, type OwnedProcess, type TcpRelay } from "../harness/processes";

const REDIS_URL = "redis://127.0.0.1:6379";
const QUERY = `{ crossingPoints { code } }`;
const owned: OwnedProcess[] = [];
const relays: TcpRelay[] = [];

/** A gateway of this test's own: every rule off unless the test sets it, its own Redis key prefix. */
async function gateway(env: Record<string, string>): Promise<string> {
  const started = await startOwnGateway({
    HUB_RATE_LIMIT_PREFIX: `e2e:${randomUUID()}`,
    HUB_RATE_LIMIT_AGENCY_POINTS: "0",
    HUB_RATE_LIMIT_SUBJECT_POINTS: "0",
    HUB_RATE_LIMIT_ADDRESS_POINTS: "0",
    ...env,
  });
  owned.push(started);
  return `${started.origin}/graphql`;
}

const officer = (url: string, subject = "officer-0147"): Promise<RequestOptions> =>
  as("border-officer", { subject }).then((o) => ({ ...o, url }));

function expectRateLimited(res: Answer, rule: string, limit: number, durationSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.body.data).toBeUndefined();
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(durationSeconds);
  expect(res.body.errors).toEqual([
    {
      message: expect.stringMatching(new RegExp(`^Rate limit exceeded: at most ${limit} requests per`)),
      extensions: { code: "RATE_LIMITED", rule, limit, durationSeconds, retryAfterSeconds: retryAfter },
    },
  ]);
}

afterAll(async () => {
  await Promise.all(relays.map((r) => r.close()));
  await Promise.all(owned.map((g) => g.stop()));
});

describe("rate limits", () => {
  it("answers a subject over its budget 429 with Retry-After, audits the refusal, and still serves another subject", async () => {
    const url = await gateway({ HUB_RATE_LIMIT_SUBJECT_POINTS: "3", HUB_RATE_LIMIT_SUBJECT_SECONDS: "60" });
    const options = await officer(url);
    for (let i = 0; i < 3; i++) expect((await gql(QUERY, options)).status).toBe(200);
    const refused = await gql(QUERY, options);
    expectRateLimited(refused, "subject", 3, 60);
    expect(await auditEventOf(refused.headers.get("x-request-id"))).toMatchObject({
      outcome: "REJECTED",
      errorCodes: ["RATE_LIMITED"],
      subject: "officer-0147",
      agency: "BORDER_POLICE",
      categories: [],
      disclosedPersonRefs: [],
    });
    expect((await gql(QUERY, await officer(url, "officer-0200"))).status).toBe(200);
  });

  it("counts an agency's budget over all its subjects", async () => {
    const url = await gateway({ HUB_RATE_LIMIT_AGENCY_POINTS: "4", HUB_RATE_LIMIT_AGENCY_SECONDS: "30" });
    for (let i = 0; i < 4; i++) expect((await gql(QUERY, await officer(url, `officer-${i}`))).status).toBe(200);
    expectRateLimited(await gql(QUERY, await officer(url, "officer-9")), "agency", 4, 30);
    // Another agency's budget is its own.
    expect((await gql(`{ countries { code } }`, { ...(await as("statistician")), url })).status).toBe(200);
  });

  it("refuses a client address over its budget before reading the request, leaving no audit event", async () => {
    const url = await gateway({ HUB_RATE_LIMIT_ADDRESS_POINTS: "2", HUB_RATE_LIMIT_ADDRESS_SECONDS: "60" });
    const options = await officer(url);
    expect((await gql(QUERY, options)).status).toBe(200);
    expect((await gql(QUERY, { url })).status).toBe(401);
    const before = await auditEventCount();
    const refused = await gql(QUERY, options);
    expectRateLimited(refused, "address", 2, 60);
    expect(refused.headers.get("x-request-id")).toBeNull();
    expect(await auditEventCount()).toBe(before);
  });

  it("shares one budget between two gateways through Redis", async () => {
    const shared = {
      REDIS_URL,
      HUB_RATE_LIMIT_PREFIX: `e2e:${randomUUID()}`,
      HUB_RATE_LIMIT_SUBJECT_POINTS: "6",
      HUB_RATE_LIMIT_SUBJECT_SECONDS: "60",
      // Sharing is under test, not the fallback: a loaded machine must not fall back to memory.
      HUB_RATE_LIMIT_REDIS_TIMEOUT_MS: "2000",
    };
    const urls = [await gateway(shared), await gateway(shared)];
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await gql(QUERY, await officer(urls[i % 2] ?? ""));
      statuses.push(res.status);
      if (res.status === 429) expectRateLimited(res, "subject", 6, 60);
    }
    // Six in all, three through each gateway, then both refuse: not six through each.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
  });

  it("keeps serving data, limited per gateway, while Redis is unreachable, and shares again when it returns", async () => {
    const relay = await startTcpRelay("127.0.0.1", 6379);
    relays.push(relay);
    const url = await gateway({
      REDIS_URL: `redis://127.0.0.1:${relay.port}`,
      HUB_RATE_LIMIT_SUBJECT_POINTS: "5",
      HUB_RATE_LIMIT_SUBJECT_SECONDS: "60",
    });
    expect((await gql(QUERY, await officer(url))).status).toBe(200);
    relay.cut();
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await gql(QUERY, await officer(url, "officer-0300"))).status);
    // The in-memory fallback has its own budget: five served, the sixth refused, none waiting on Redis.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Date.now() - started).toBeLessThan(10_000);
    relay.resume();
    const deadline = Date.now() + 10_000;
    let status = 0;
    // Back on Redis, officer-0300 has spent nothing there yet.
    while (Date.now() < deadline && status !== 200) {
      status = (await gql(QUERY, await officer(url, "officer-0300"))).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 300));
    }
    expect(status).toBe(200);
  });
});
