/** Monthly partitions: created ahead, and created late without losing the rows already written. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ensureMonthlyPartitions, monthOf } from "./ensureMonthlyPartitions";
import {
  appendEvents,
  createAuditTestDatabase,
  createTestKey,
  testEvent,
  type AuditTestDatabase,
} from "./testing/auditTestDatabase";
import { verifyAuditChain } from "./verifyAuditChain";

let t: AuditTestDatabase;
beforeAll(async () => {
  t = await createAuditTestDatabase();
}, 30_000);
afterAll(async () => t?.drop());

const partitionOf = async (seq: number) =>
  (
    (await t.db.query("SELECT tableoid::regclass::text AS p FROM audit_event WHERE seq = $1", [seq])) as { p: string }[]
  )[0]?.p;

describe("ensureMonthlyPartitions", () => {
  it("names months in UTC across a year's end", () => {
    expect(monthOf(new Date("2026-11-30T23:59:59Z"), 2)).toBe("2027-01");
  });

  it("has this month's and the next two months' partitions after migrating", async () => {
    const now = new Date();
    const rows = (await t.db.query(
      "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_event'::regclass ORDER BY 1",
    )) as { relname: string }[];
    const monthly = [0, 1, 2].map((i) => `audit_event_${monthOf(now, i).replace("-", "_")}`);
    expect(rows.map((r) => r.relname)).toEqual([...monthly, "audit_event_default"]);
  });

  it("moves a month's rows out of the default partition when its partition comes late", async () => {
    const key = createTestKey();
    const later = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 10));
    await appendEvents(t.db, [testEvent(1), testEvent(2, { occurredAt: later.toISOString() })], key);
    expect(await partitionOf(2)).toBe("audit_event_default");
    await ensureMonthlyPartitions(t.db, later);
    expect(await partitionOf(2)).toBe(`audit_event_${monthOf(later).replace("-", "_")}`);
    const result = await verifyAuditChain(t.db, { loadJwks: () => key.jwks });
    expect(result).toMatchObject({ valid: true, eventsChecked: 2 });
  });
});
