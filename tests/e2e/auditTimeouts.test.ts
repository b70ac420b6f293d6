/**
 * A stuck audit store answers AUDIT_UNAVAILABLE within the configured timeouts, never a hang: a
 * session holding the chain lock, and a network to the store that forwards nothing. A gateway of
 * the test's own writes through a relay to an audit database of its own, so the shared log and
 * gateway never wait on the lock held here.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { withAuditDb } from "../harness/auditDb";
import { as, gql, world, type Answer, type RequestOptions } from "../harness/fixtures";
import { createOwnAuditDatabase, withChainLockHeld, type OwnAuditDatabase } from "../harness/ownAuditDb";
import { startOwnGateway, startTcpRelay, type OwnedProcess, type TcpRelay } from "../harness/processes";

const LOCK_TIMEOUT_MS = 500;
const STATEMENT_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 500;
/** Time a loaded two-core machine may add to a timeout before the answer is out. */
const SLACK_MS = 2500;

let own: OwnAuditDatabase;
let relay: TcpRelay;
let gateway: OwnedProcess;
let officer: RequestOptions;
const person = world().persons.find((p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01");
const query = `{ person(personRef: "${person?.personRef}") { familyName givenName } }`;

const events = () =>
  withAuditDb(
    async (db) => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM audit_event")).rows[0]?.n),
    own.url,
  );

async function timedRequests(n: number): Promise<{ answer: Answer; ms: number }[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const started = Date.now();
      const answer = await gql(query, { ...officer, url: `${gateway.origin}/graphql` });
      return { answer, ms: Date.now() - started };
    }),
  );
}

/** AUDIT_UNAVAILABLE with no data: neither a `data` member nor the person's name anywhere in the answer. */
function expectWithheld({ answer }: { answer: Answer }): void {
  expect(answer.status).toBe(503);
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(["AUDIT_UNAVAILABLE"]);
  expect(answer.body.data ?? null).toBeNull();
  expect(JSON.stringify(answer.body)).not.toContain(person?.familyName);
}

async function expectServed(): Promise<void> {
  const [served] = await timedRequests(1);
  expect(served?.answer.status).toBe(200);
  expect(served?.answer.body.data?.person).toEqual({ familyName: person?.familyName, givenName: person?.givenName });
}

beforeAll(async () => {
  own = await createOwnAuditDatabase();
  const url = new URL(own.url);
  relay = await startTcpRelay(url.hostname, Number(url.port || 5432));
  url.host = `127.0.0.1:${relay.port}`;
  gateway = await startOwnGateway({
    AUDIT_DATABASE_URL: url.toString(),
    AUDIT_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
    AUDIT_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    AUDIT_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  });
  officer = await as("border-officer");
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await relay?.close();
  await own?.drop();
});

describe("a stuck audit store", () => {
  it("answers AUDIT_UNAVAILABLE within the lock timeout while another session holds the chain lock, then serves again", async () => {
    await expectServed();
    const before = await events();
    await withChainLockHeld(own.url, async () => {
      for (const answer of await timedRequests(8)) {
        expectWithheld(answer);
        expect(answer.ms).toBeLessThan(LOCK_TIMEOUT_MS + SLACK_MS);
      }
    });
    expect(await events()).toBe(before);
    await expectServed();
    expect(await events()).toBe(before + 1);
  });

  it("answers AUDIT_UNAVAILABLE within the statement and connect timeouts while the network to the store forwards nothing, then serves again", async () => {
    await expectServed();
    relay.stall();
    try {
      // The first batch finds the pooled connection silent, the next ones a handshake that never ends.
      for (let round = 0; round < 2; round++) {
        for (const answer of await timedRequests(4)) {
          expectWithheld(answer);
          expect(answer.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + CONNECT_TIMEOUT_MS + SLACK_MS);
        }
      }
    } finally {
      relay.resume();
    }
    await expectServed();
  });
});
