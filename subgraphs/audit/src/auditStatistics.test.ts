/** Statistics for the auditor console: requests by outcome per UTC bucket, agency and purpose (operators' actions beside them), under the search filters. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { auditStatistics } from "./auditStatistics";
import { AuditStatisticsInterval } from "./AuditStatistics.type";
import { createAuditSubgraph } from "./subgraph";
import {
  appendEvents,
  createAuditTestDatabase,
  createTestKey,
  testEvent,
  type AuditTestDatabase,
} from "./testing/auditTestDatabase";

const { DAY, HOUR } = AuditStatisticsInterval;
const denied = {
  field: "Person.asylumApplications",
  category: "ASYLUM",
  owner: "MIGRATION_SERVICE",
  policies: ["R6-3"],
};
let t: AuditTestDatabase;

beforeAll(async () => {
  t = await createAuditTestDatabase();
  const at = (iso: string) => ({ occurredAt: new Date(iso).toISOString() });
  await appendEvents(
    t.db,
    [
      testEvent(1, at("2026-03-01T09:10:00Z")),
      testEvent(2, { ...at("2026-03-01T09:50:00Z"), outcome: "DENIED", fieldsDenied: [{ ...denied, rule: "R6-3" }] }),
      testEvent(3, { ...at("2026-03-01T10:05:00Z"), outcome: "PARTIAL", fieldsDenied: [{ ...denied, rule: "R6-3" }] }),
      testEvent(4, { ...at("2026-03-01T23:59:59Z"), agency: "MIGRATION_SERVICE", purpose: "RESIDENCE_ADMIN" }),
      testEvent(5, {
        ...at("2026-03-02T00:00:00Z"),
        agency: null,
        subject: null,
        purpose: null,
        outcome: "REJECTED",
        authentication: { reason: "expired", issuer: "https://idp.example", keyId: "k1" },
      }),
      testEvent(6, { ...at("2026-03-02T08:00:00Z"), outcome: "FAILED" }),
      // An operator's action: beside the requests, not one of them.
      testEvent(7, {
        ...at("2026-03-02T09:00:00Z"),
        agency: null,
        subject: "operator-ana",
        purpose: null,
        outcome: "ADMINISTERED",
        administration: {
          action: "distrust-key",
          issuer: "https://idp.example",
          keyId: "k1",
          reason: "leaked",
          operator: "operator-ana",
          result: "distrusted",
        },
      }),
    ],
    createTestKey(),
  );
}, 30_000);
afterAll(async () => t?.drop());

describe("auditStatistics", () => {
  it("counts each outcome per day, agency and purpose, oldest first, unauthenticated requests last", async () => {
    expect(await auditStatistics(t.db, null, DAY)).toEqual([
      {
        start: new Date("2026-03-01T00:00:00Z"),
        agency: "BORDER_POLICE",
        purpose: "BORDER_CHECK",
        requests: 3,
        allowed: 1,
        partial: 1,
        denied: 1,
        rejected: 0,
        failed: 0,
        administered: 0,
      },
      {
        start: new Date("2026-03-01T00:00:00Z"),
        agency: "MIGRATION_SERVICE",
        purpose: "RESIDENCE_ADMIN",
        requests: 1,
        allowed: 1,
        partial: 0,
        denied: 0,
        rejected: 0,
        failed: 0,
        administered: 0,
      },
      {
        start: new Date("2026-03-02T00:00:00Z"),
        agency: "BORDER_POLICE",
        purpose: "BORDER_CHECK",
        requests: 1,
        allowed: 0,
        partial: 0,
        denied: 0,
        rejected: 0,
        failed: 1,
        administered: 0,
      },
      {
        start: new Date("2026-03-02T00:00:00Z"),
        agency: null,
        purpose: null,
        requests: 1,
        allowed: 0,
        partial: 0,
        denied: 0,
        rejected: 1,
        failed: 0,
        administered: 1,
      },
    ]);
  });

  it("starts hour buckets on the hour (UTC) and applies the search filters", async () => {
    const hours = await auditStatistics(
      t.db,
      { agency: "BORDER_POLICE", from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-01T23:59:59Z") },
      HOUR,
    );
    expect(hours.map((b) => [b.start.toISOString(), b.requests, b.denied, b.partial])).toEqual([
      ["2026-03-01T09:00:00.000Z", 2, 1, 0],
      ["2026-03-01T10:00:00.000Z", 1, 0, 1],
    ]);
    const byRule = await auditStatistics(t.db, { ruleId: "R6-3" }, DAY);
    expect(byRule.map((b) => b.requests)).toEqual([2]);
    const byIssuer = await auditStatistics(t.db, { issuer: "https://idp.example" }, DAY);
    expect(byIssuer.map((b) => [b.requests, b.rejected, b.administered])).toEqual([[1, 1, 1]]);
    const byReason = await auditStatistics(t.db, { authenticationReason: "expired" }, DAY);
    expect(byReason.map((b) => [b.requests, b.rejected, b.administered])).toEqual([[1, 1, 0]]);
  });

  it("refuses more buckets than a chart can hold", async () => {
    await expect(auditStatistics(t.db, null, HOUR, 3)).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("is part of the audit subgraph, every field classified AUDIT", async () => {
    const { sdl } = await createAuditSubgraph({}).buildSchema();
    expect(sdl).toMatch(
      /auditStatistics\(filter: AuditEventFilter, bucket: AuditStatisticsInterval! = DAY\): \[AuditStatisticsBucket!\]! @dataCategory\(category: AUDIT\)/,
    );
    const type = /type AuditStatisticsBucket \{([^}]*)\}/.exec(sdl)?.[1] ?? "";
    const fields = type.split("\n").filter((line) => /^\s+\w+: /.test(line));
    expect(fields).toHaveLength(10);
    for (const field of fields) expect(field).toContain("@dataCategory(category: AUDIT)");
  });
});
