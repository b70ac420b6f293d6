/** Searching and exporting the audit log: filters, newest-first pages with cursors, CSV and JSON Lines. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { GraphQLError } from "graphql";
import { chainHash, contentOf, type AuditEvent } from "@hub/contracts";
import { AuditOutcome } from "./AuditEvent.type";
import { CSV_COLUMNS, ExportFormat, exportAuditEvents } from "./exportAuditEvents";
import { countAuditEvents, decodeCursor, searchAuditEvents } from "./searchAuditEvents";
import {
  appendEvents,
  createAuditTestDatabase,
  createTestKey,
  testEvent,
  type AuditTestDatabase,
} from "./testing/auditTestDatabase";

let t: AuditTestDatabase;
let events: AuditEvent[];

beforeAll(async () => {
  t = await createAuditTestDatabase();
  const denied = {
    field: "Person.asylumApplications",
    category: "ASYLUM",
    owner: "MIGRATION_SERVICE",
    policies: ["R6-3", "R6-1"],
    rule: "R6-3",
  };
  events = await appendEvents(
    t.db,
    Array.from({ length: 30 }, (_, i) =>
      i % 10 === 9
        ? testEvent(i + 1, {
            outcome: "DENIED",
            fieldsDenied: [denied],
            disclosedPersonRefs: [],
            subject: 'odd, "quoted"\nsubject',
          })
        : testEvent(i + 1, { agency: i % 2 ? "BORDER_POLICE" : "MIGRATION_SERVICE" }),
    ),
    createTestKey(),
  );
}, 30_000);
afterAll(async () => t?.drop());

describe("searchAuditEvents", () => {
  it("pages newest first with opaque cursors", async () => {
    const first = await searchAuditEvents(t.db, null, 12);
    expect(first.edges.map((e) => e.node.seq)).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).not.toContain("19");
    const second = await searchAuditEvents(t.db, null, 12, first.pageInfo.endCursor);
    const third = await searchAuditEvents(t.db, null, 12, second.pageInfo.endCursor);
    expect(third.edges.map((e) => e.node.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(() => decodeCursor("bm9wZQ")).toThrow(GraphQLError);
  });

  it("reads each event from its content", async () => {
    const [edge] = (await searchAuditEvents(t.db, null, 1)).edges;
    const e = events[29];
    expect(edge?.node).toMatchObject({
      seq: 30,
      id: e?.id,
      requestId: "req-30",
      variables: '{"ref":"h:0f3a"}',
      hash: e?.hash,
    });
    expect(edge?.node.occurredAt).toEqual(new Date(e?.occurredAt ?? ""));
    expect(edge?.node.fieldsDenied).toEqual([
      {
        field: "Person.asylumApplications",
        category: "ASYLUM",
        owner: "MIGRATION_SERVICE",
        policies: ["R6-3", "R6-1"],
        rule: "R6-3",
      },
    ]);
  });

  it("filters by rule, outcome, person, agency and time", async () => {
    const seqs = async (filter: Parameters<typeof searchAuditEvents>[1]) =>
      (await searchAuditEvents(t.db, filter, 100)).edges.map((e) => e.node.seq);
    expect(await seqs({ ruleId: "R6-3" })).toEqual([30, 20, 10]);
    expect(await seqs({ ruleId: "R6-1" })).toEqual([]); // a forbidding policy, not the deciding rule
    expect(await seqs({ outcome: AuditOutcome.DENIED })).toEqual([30, 20, 10]);
    expect(await seqs({ personRef: "P-3" })).toEqual([24, 17, 3]);
    expect(await seqs({ agency: "MIGRATION_SERVICE", to: new Date(events[6]?.occurredAt ?? "") })).toEqual([
      7, 5, 3, 1,
    ]);
    expect(await seqs({ from: new Date(events[27]?.occurredAt ?? ""), purpose: "BORDER_CHECK" })).toEqual([30, 29, 28]);
    expect(await countAuditEvents(t.db, { ruleId: "R6-3" })).toBe(3);
    await expect(searchAuditEvents(t.db, { outcome: "SOMETIMES" }, 10)).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("exportAuditEvents", () => {
  it("writes CSV with a header and one quoted row per event", async () => {
    const csv = await exportAuditEvents(t.db, { outcome: AuditOutcome.DENIED }, ExportFormat.CSV);
    expect(csv.startsWith(`${CSV_COLUMNS.join(",")}\r\n10,${events[9]?.id},`)).toBe(true);
    expect(csv).toContain(',"odd, ""quoted""\nsubject",');
    expect(csv).toContain(",Person.asylumApplications:R6-3,");
    expect(csv.split("\r\n")).toHaveLength(5); // header, 3 rows, and the empty end
  });

  it("writes JSON Lines whose every line re-computes to its hash", async () => {
    const lines = (await exportAuditEvents(t.db, null, ExportFormat.JSON_LINES)).trimEnd().split("\n");
    expect(lines).toHaveLength(30);
    for (const line of lines) {
      const e = JSON.parse(line) as AuditEvent;
      expect(chainHash(e.prevHash, e.seq, contentOf(e))).toBe(e.hash);
    }
  });

  it("refuses a range beyond the export limit", async () => {
    await expect(exportAuditEvents(t.db, null, ExportFormat.CSV, 29)).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await exportAuditEvents(t.db, { personRef: "nobody" }, ExportFormat.CSV)).toBe(
      `${CSV_COLUMNS.join(",")}\r\n`,
    );
  });
});
