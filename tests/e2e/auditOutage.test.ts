/**
 * The audit store stopped mid-load (issue 9, item 8): a gateway of the test's own writes to the
 * shared audit database through a relay that the test cuts while clients keep asking for personal
 * data. No answer without a durable audit event carries data; when the store returns, the gateway
 * serves again within seconds, every answer served has exactly one event, and the chain verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { verifyAuditLog, withAuditDb } from "../harness/auditDb";
import { as, gql, hub, world, type Answer, type RequestOptions } from "../harness/fixtures";
import { startOwnGateway, startTcpRelay, type OwnedProcess, type TcpRelay } from "../harness/processes";

const CLIENTS = 8;
/** Bounds the load whatever happens: the loop stops at this many requests or when told. */
const MAX_REQUESTS = 4000;
const RESUME_WITHIN_MS = 10_000;

type Phase = "before" | "cut" | "after";

interface Recorded {
  phase: Phase;
  at: number;
  requestId: string | null;
  answer: Answer;
}

let relay: TcpRelay;
let gateway: OwnedProcess;
let officer: RequestOptions;
const persons = world()
  .persons.filter((p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01")
  .slice(0, 40);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  const audit = new URL(hub.databaseUrls.audit ?? "");
  relay = await startTcpRelay(audit.hostname, Number(audit.port || 5432));
  audit.host = `127.0.0.1:${relay.port}`;
  gateway = await startOwnGateway({
    AUDIT_DATABASE_URL: audit.toString(),
    AUDIT_CONNECT_TIMEOUT_MS: "1000",
    AUDIT_STATEMENT_TIMEOUT_MS: "2000",
  });
  officer = await as("border-officer");
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await relay?.close();
});

/** How many events the shared log holds for each request id. */
async function eventsPerRequest(requestIds: string[]): Promise<Map<string, number>> {
  return withAuditDb(async (db) => {
    const { rows } = await db.query<{ request_id: string; n: string }>(
      "SELECT request_id, count(*) AS n FROM audit_event WHERE request_id = ANY($1) GROUP BY request_id",
      [requestIds],
    );
    return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
  });
}

describe("the audit store stopped mid-load", () => {
  it("lets no data out without a durable audit event, serves again when the store returns, and keeps one event per answer served", async () => {
    const recorded: Recorded[] = [];
    let phase: Phase = "before";
    let stop = false;
    let sent = 0;
    const load = Array.from({ length: CLIENTS }, async () => {
      while (!stop && sent < MAX_REQUESTS) {
        const person = persons[sent++ % persons.length];
        const answer = await gql(`{ person(personRef: "${person?.personRef}") { familyName givenName } }`, {
          ...officer,
          url: `${gateway.origin}/graphql`,
        });
        recorded.push({ phase, at: Date.now(), requestId: answer.headers.get("x-request-id"), answer });
      }
    });

    await sleep(1500);
    relay.cut();
    phase = "cut";
    await sleep(2000);
    relay.resume();
    phase = "after";
    const resumedAt = Date.now();
    while (
      Date.now() - resumedAt < RESUME_WITHIN_MS &&
      !recorded.some((r) => r.at > resumedAt && r.answer.status === 200)
    ) {
      await sleep(100);
    }
    const servedAgainAt = recorded.find((r) => r.at > resumedAt && r.answer.status === 200)?.at;
    await sleep(1000);
    stop = true;
    await Promise.all(load);

    expect(gateway.child.exitCode).toBeNull();
    expect(servedAgainAt).toBeDefined();
    expect((servedAgainAt ?? Infinity) - resumedAt).toBeLessThan(RESUME_WITHIN_MS);
    const byPhase = (p: Phase, status: number) => recorded.filter((r) => r.phase === p && r.answer.status === status);
    expect(byPhase("before", 200).length).toBeGreaterThan(0);
    expect(byPhase("cut", 503).length).toBeGreaterThan(0);
    expect(byPhase("after", 200).length).toBeGreaterThan(0);

    const requestIds = recorded.map((r) => r.requestId ?? "");
    expect(requestIds.every((id) => id !== "")).toBe(true);
    expect(new Set(requestIds).size).toBe(recorded.length);
    const events = await eventsPerRequest(requestIds);
    const names = persons.flatMap((p) => [p.familyName, p.givenName]);
    for (const { requestId, answer } of recorded) {
      const count = events.get(requestId ?? "") ?? 0;
      // An event may exist for a withheld answer (the commit went through as the connection broke), never two.
      expect(count).toBeLessThanOrEqual(1);
      if (answer.status === 200) {
        expect(count).toBe(1);
        expect(answer.body.errors).toBeUndefined();
        continue;
      }
      expect({ requestId, status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({
        requestId,
        status: 503,
        codes: ["AUDIT_UNAVAILABLE"],
      });
      expect(answer.body.data ?? null).toBeNull();
      const text = JSON.stringify(answer.body);
      expect(names.filter((name) => text.includes(name))).toEqual([]);
    }

    const verified = await verifyAuditLog();
    expect(verified.output).toMatch(/audit chain valid/);
    expect(verified.code).toBe(0);
  }, 60_000);
});
