/**
 * The anomaly alarm (R7-3) on two gateways of this file's own sharing Redis and the audit
 * database, with a low ceiling: a caller reading the identity of one person after another is
 * suspended (403 ACCOUNT_SUSPENDED naming the rule, audited) on both; another caller is not; the
 * suspension is an audit event with its evidence; only the data-protection officer lifts it
 * (audited), and then both gateways serve the caller again.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { AuditEventContent } from "@hub/contracts";
import { auditEventOf, verifyAuditLog, withAuditDb } from "../harness/auditDb";
import { as, gql, world, type Answer, type RequestOptions } from "../harness/fixtures";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";

const CEILING = 3;
const PERSON = `query ($ref: ID!) { person(personRef: $ref) { personRef givenName familyName } }`;
const SUSPENSIONS = `{ callerSuspensions { id scope agency subject active rule check windowSeconds count limit events eventId } }`;
const LIFT = `mutation ($id: ID!, $reason: String!) { liftSuspension(id: $id, reason: $reason) { id active liftedBy liftReason liftRequestId } }`;

const owned: OwnedProcess[] = [];
let first: string;
let second: string;

/** Adults whose records are disclosed today: the border officer may read each one's identity. */
const adults = world()
  .persons.filter((p) => p.guardianPersonRef === null && p.dateOfBirth < "2000-01-01" && p.retainUntil > world().asOf)
  .map((p) => p.personRef);

const read = (url: string, options: RequestOptions, ref: string) =>
  gql(PERSON, { ...options, url, variables: { ref } });

async function suspensionEventOf(suspensionId: string): Promise<AuditEventContent | undefined> {
  return withAuditDb(async (db) => {
    const { rows } = await db.query<{ content: string }>(
      "SELECT content FROM audit_event WHERE content::jsonb -> 'suspension' ->> 'suspensionId' = $1",
      [suspensionId],
    );
    return rows[0] ? (JSON.parse(rows[0].content) as AuditEventContent) : undefined;
  });
}

beforeAll(async () => {
  const env = {
    REDIS_URL: "redis://127.0.0.1:6379",
    HUB_RATE_LIMIT_PREFIX: `e2e:${randomUUID()}`,
    HUB_ALARM_PREFIX: `e2e:alarm:${randomUUID()}`,
    HUB_ALARM_SUBJECT_SHORT_CEILING: String(CEILING),
    HUB_ALARM_HISTORY_FACTOR: "0",
  };
  owned.push(await startOwnGateway(env), await startOwnGateway(env));
  [first, second] = owned.map((g) => `${g.origin}/graphql`) as [string, string];
});

afterAll(async () => {
  await Promise.all(owned.map((g) => g.stop()));
});

describe("the anomaly alarm", () => {
  it("suspends a caller beyond its ceiling on every gateway, audits it, and serves again once the DPO lifts it", async () => {
    const harvester = await as("border-officer", { subject: `officer-alarm-${randomUUID()}` });
    const colleague = await as("border-officer", { subject: `officer-alarm-${randomUUID()}` });

    // One person after another, alternating gateways: one count for both.
    const served: Answer[] = [];
    for (const ref of adults.slice(0, CEILING + 1)) {
      const answer = await read(served.length % 2 === 0 ? first : second, harvester, ref);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      served.push(answer);
    }

    // Beyond the ceiling: refused, naming the rule, on both gateways.
    const refused = await read(first, harvester, adults[CEILING + 1] ?? "");
    expect(refused.status).toBe(403);
    expect(refused.body.data).toBeUndefined();
    const extensions = refused.body.errors?.[0]?.extensions ?? {};
    expect(extensions).toMatchObject({ code: "ACCOUNT_SUSPENDED", rule: "R7-3", scope: "SUBJECT" });
    expect(String(extensions.article)).toMatch(/^108\+ Art\. 7/);
    const suspensionId = String(extensions.suspensionId);
    const elsewhere = await read(second, harvester, adults[0] ?? "");
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({ code: "ACCOUNT_SUSPENDED", suspensionId });

    // The refusal is audited like any other, with the rule.
    expect(await auditEventOf(refused.headers.get("x-request-id"))).toMatchObject({
      outcome: "REJECTED",
      errorCodes: ["ACCOUNT_SUSPENDED"],
      refusals: [expect.objectContaining({ by: "gateway", rule: "R7-3" })],
    });

    // The suspension is an audit event with its evidence: the count, the window, the ceiling, the events.
    const lastServed = await auditEventOf(served.at(-1)?.headers.get("x-request-id") ?? null);
    const suspension = await suspensionEventOf(suspensionId);
    expect(suspension).toMatchObject({
      outcome: "ADMINISTERED",
      operationName: "alarm.suspend",
      subject: expect.stringMatching(/^officer-alarm-/),
      agency: "BORDER_POLICE",
      refusals: [expect.objectContaining({ rule: "R7-3", count: CEILING + 1 })],
      suspension: {
        suspensionId,
        scope: "SUBJECT",
        check: "CEILING",
        windowSeconds: 600,
        count: CEILING + 1,
        limit: CEILING,
        ceiling: CEILING,
      },
    });
    expect(suspension?.suspension?.events).toHaveLength(CEILING + 1);
    expect(suspension?.suspension?.events[0]).toBe(lastServed?.id);

    // Another caller of the same agency is served.
    const other = await read(first, colleague, adults[0] ?? "");
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();

    // The console's list, for the data-protection officer.
    const dpo = await as("dpo");
    const listed = await gql(SUSPENSIONS, { ...dpo, url: second });
    expect(listed.status).toBe(200);
    const mine = (listed.body.data?.callerSuspensions as { id: string }[]).find((s) => s.id === suspensionId);
    expect(mine).toMatchObject({ active: true, rule: "R7-3", check: "CEILING", count: CEILING + 1, limit: CEILING });

    // An auditor reads the alarms but does not lift them.
    const auditor = await as("auditor");
    const notLifted = await gql(LIFT, {
      ...auditor,
      url: first,
      variables: { id: suspensionId, reason: "looks fine" },
    });
    expect(notLifted.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "R7-3" });
    expect((await read(first, harvester, adults[0] ?? "")).status).toBe(403);

    // The DPO lifts it through one gateway; the lift is audited; both serve the caller again.
    const reason = "Checked with the officer's supervisor: a planned check of a coach's passengers.";
    const lift = await gql(LIFT, { ...dpo, url: second, variables: { id: suspensionId, reason } });
    expect(lift.status).toBe(200);
    const liftRequestId = lift.headers.get("x-request-id");
    expect(lift.body.data?.liftSuspension).toEqual({
      id: suspensionId,
      active: false,
      liftedBy: "dpo-0001",
      liftReason: reason,
      liftRequestId,
    });
    expect(await auditEventOf(liftRequestId)).toMatchObject({
      subject: "dpo-0001",
      purpose: "SUBJECT_ACCESS",
      outcome: "ALLOWED",
      fieldsAllowed: expect.arrayContaining([expect.objectContaining({ field: "Mutation.liftSuspension" })]),
    });
    for (const url of [first, second]) {
      const again = await read(url, harvester, adults[0] ?? "");
      expect(again.status).toBe(200);
      expect(again.body.errors).toBeUndefined();
    }
    const twice = await gql(LIFT, { ...dpo, url: first, variables: { id: suspensionId, reason } });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });

    // The suspension's event is part of the chain like any other.
    const verified = await verifyAuditLog();
    expect(verified.output).not.toMatch(/BROKEN/i);
    expect(verified.code).toBe(0);
  });
});
