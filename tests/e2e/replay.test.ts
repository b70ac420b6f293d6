/**
 * Replaying decisions (R10-3): requests through the shared hub, allowed, partial, denied and
 * refused before any decision, each replayed by `npm run audit -- replay` under the policy
 * version the gateway stored before it served; an altered record in an audit log of the test's
 * own is an integrity failure, and a version that is not stored is said to be.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { canonicalJson, POLICY_VERSION_TABLE, type AuditEventContent } from "@hub/contracts";
import { auditEventOf, runHubCommand, withAuditDb } from "../harness/auditDb";
import { PERSONAS } from "@hub/gateway";
import { as, gql, hub, world, type Answer, type RequestOptions } from "../harness/fixtures";
import { createOwnAuditDatabase, type OwnAuditDatabase } from "../harness/ownAuditDb";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";

const replay = (eventId: string, databaseUrl = hub.databaseUrls.audit) =>
  runHubCommand("subgraphs/audit/dist/main.js", ["replay", eventId], { AUDIT_DATABASE_URL: databaseUrl });

const PERSON = `query ReplayAllowed($ref: ID!) { person(personRef: $ref) { familyName crossings(first: 2) { direction } } }`;
const MIXED = `query ReplayMixed($ref: ID!) { person(personRef: $ref) { familyName asylumApplications { grounds } } }`;

const adult = () =>
  world().persons.find((p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01")?.personRef ?? "";

async function recorded(answer: Answer): Promise<AuditEventContent> {
  const event = await auditEventOf(answer.headers.get("x-request-id"));
  if (!event) throw new Error("the request left no audit event");
  return event;
}

let officer: RequestOptions;

beforeAll(async () => {
  officer = await as("border-officer");
});

describe("npm run audit -- replay", () => {
  it("replays an allowed, a partial and a denied request as the same decision", async () => {
    const variables = { ref: adult() };
    const allowed = await recorded(await gql(PERSON, { ...officer, variables }));
    const partialAnswer = await gql(MIXED, { ...officer, variables, headers: { "x-hub-partial": "true" } });
    expect(partialAnswer.status).toBe(200);
    const partial = await recorded(partialAnswer);
    const denied = await recorded(await gql(MIXED, { ...officer, variables }));
    expect([allowed.outcome, partial.outcome, denied.outcome]).toEqual(["ALLOWED", "PARTIAL", "DENIED"]);
    for (const event of [allowed, partial, denied]) {
      const { code, output } = await replay(event.id);
      expect(output).toMatch(/^same decision \(\d+ same, 0 different/m);
      expect(output).toContain(`policy version ${event.policyVersion}`);
      expect(output).toContain("the stored record matches its hash");
      expect(code).toBe(0);
    }
    const { output } = await replay(partial.id);
    expect(output).toMatch(
      /^same +AsylumApplication\.grounds \(ASYLUM of MIGRATION_SERVICE\): recorded denied by R6-3/m,
    );
    expect(output).toMatch(/^same +Person\.familyName .*recorded allowed by AGR-/m);
  });

  it("replays a request refused before any decision as nothing decided, with the reason", async () => {
    const event = await recorded(await gql(`{ crossingPoints { code } }`, { purpose: "BORDER_CHECK" }));
    const { code, output } = await replay(event.id);
    expect(output).toMatch(/nothing was decided: refused before the decide stage: UNAUTHENTICATED/);
    expect(code).toBe(0);
  });

  it("serves the same replay to the auditor through the gateway", async () => {
    const event = await recorded(await gql(MIXED, { ...officer, variables: { ref: adult() } }));
    const answer = await gql(
      `query ($id: ID!) { auditReplay(eventId: $id) { status recordIntact policyVersion fields { field verdict replayedRule } gaps } }`,
      { ...(await as("auditor")), variables: { id: event.id } },
    );
    expect(answer.body.errors).toBeUndefined();
    const replayed = answer.body.data?.auditReplay as {
      status: string;
      recordIntact: boolean;
      policyVersion: string;
      fields: { field: string; verdict: string; replayedRule: string | null }[];
      gaps: string[];
    };
    expect(replayed.status).toBe("SAME");
    expect(replayed.recordIntact).toBe(true);
    expect(replayed.policyVersion).toBe(event.policyVersion);
    expect(replayed.fields).toContainEqual({
      field: "AsylumApplication.grounds",
      verdict: "SAME",
      replayedRule: "R6-3",
    });
    // The record carries what the decisions needed beyond the caller and the fields: nothing is inferred.
    expect(event.decisionInputs).toEqual({
      purposes: [...PERSONAS["border-officer"].purposes].sort(),
      decidedOn: event.occurredAt.slice(0, 10),
    });
    expect(replayed.gaps).toEqual([]);
  });

  it("keeps the gateway's policy version in the audit database, once", async () => {
    const event = await recorded(await gql(`{ crossingPoints { code } }`, officer));
    const rows = await withAuditDb((db) =>
      db.query<{ n: string }>(`SELECT count(*) AS n FROM ${POLICY_VERSION_TABLE} WHERE version = $1`, [
        event.policyVersion,
      ]),
    );
    expect(Number(rows.rows[0]?.n)).toBe(1);
  });
});

describe("an altered record, and a version that is not stored", () => {
  let own: OwnAuditDatabase;
  let gateway: OwnedProcess;
  let event: AuditEventContent;

  beforeAll(async () => {
    own = await createOwnAuditDatabase();
    gateway = await startOwnGateway({ AUDIT_DATABASE_URL: own.url });
    const answer = await gql(PERSON, { ...officer, variables: { ref: adult() }, url: `${gateway.origin}/graphql` });
    expect(answer.status).toBe(200);
    event = await withAuditDb(async (db) => {
      const { rows } = await db.query<{ content: string }>("SELECT content FROM audit_event WHERE request_id = $1", [
        answer.headers.get("x-request-id"),
      ]);
      return JSON.parse(rows[0]?.content ?? "null") as AuditEventContent;
    }, own.url);
  }, 90_000);

  afterAll(async () => {
    await gateway?.stop();
    await own?.drop();
  });

  it("replays the own gateway's event as the same decision first", async () => {
    const { code, output } = await replay(event.id, own.url);
    expect(output).toMatch(/^same decision/m);
    expect(code).toBe(0);
  });

  it("names a field decision altered in the record as an integrity failure (exit 4)", async () => {
    const [first, ...rest] = event.fieldsAllowed;
    if (!first) throw new Error("the event allowed nothing");
    const altered = { ...event, fieldsAllowed: [{ ...first, policies: ["AGR-INVENTED"] }, ...rest] };
    await withAuditDb(
      (db) => db.query("UPDATE audit_event SET content = $1 WHERE id = $2", [canonicalJson(altered), event.id]),
      own.url,
    );
    const { code, output } = await replay(event.id, own.url);
    expect(output).toMatch(new RegExp(`^DIFFERENT +${first.field.replace(".", "\\.")} `, "m"));
    expect(output).toMatch(/policies: recorded AGR-INVENTED, replayed AGR-/);
    expect(output).toMatch(/INTEGRITY FAILURE/);
    expect(output).toContain("does NOT match its hash");
    expect(code).toBe(4);
  });

  it("says the policy version is not stored (exit 3)", async () => {
    await withAuditDb((db) => db.query(`DELETE FROM ${POLICY_VERSION_TABLE}`), own.url);
    const intact = { ...event };
    await withAuditDb(
      (db) => db.query("UPDATE audit_event SET content = $1 WHERE id = $2", [canonicalJson(intact), event.id]),
      own.url,
    );
    const { code, output } = await replay(event.id, own.url);
    expect(output).toContain(`policy version ${event.policyVersion} is not stored in the audit database`);
    expect(code).toBe(3);
  });

  it("refuses to start a gateway that cannot store its policy version", async () => {
    await withAuditDb((db) => db.query(`DROP TABLE ${POLICY_VERSION_TABLE}`), own.url);
    await expect(startOwnGateway({ AUDIT_DATABASE_URL: own.url })).rejects.toThrow(
      /Cannot keep the policy version in the audit database/,
    );
  });
});
