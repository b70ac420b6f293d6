/**
 * Who called and why a login failed, end to end in the audit subgraph: events as the gateway writes
 * them, read through the GraphQL schema, found by issuer, client id and reason, exported, verified
 * (an edited identity column is named), kept out of subject access reports; and the key distrust table.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { graphql } from "graphql";
import { pino } from "pino";
import {
  IDENTITY_KEY_DISTRUST_INSERT_SQL,
  IDENTITY_KEY_DISTRUST_SELECT_SQL,
  type AuditEvent,
  type AuditEventContent,
  type IdentityKeyDistrustRow,
} from "@hub/contracts";
import { RecordGuard } from "@hub/kit";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { CSV_COLUMNS, ExportFormat, exportAuditEvents } from "./exportAuditEvents";
import { createLoaders, type Context } from "./loaders";
import { createAuditSubgraph } from "./subgraph";
import { subjectAccessReport } from "./subjectAccessReport";
import {
  appendEvents,
  createAuditTestDatabase,
  createTestKey,
  testEvent,
  type AuditTestDatabase,
} from "./testing/auditTestDatabase";
import { verifyAuditChain } from "./verifyAuditChain";

const ISSUER = "https://idp.interior.example/realms/hub";
const OTHER_ISSUER = "https://login.example.net/tenant/v2.0";
const PERSON = "P-4c1e90";
const key = createTestKey();
let t: AuditTestDatabase;
let events: AuditEvent[];

const caller = (overrides: Partial<NonNullable<AuditEventContent["caller"]>> = {}) => ({
  issuer: ISSUER,
  clientId: "border-kiosk",
  tokenId: "jti-7b2f",
  keyId: "rsa-2026-11",
  onBehalfOf: "officer-0147",
  delegation: "act" as const,
  binding: "dpop" as const,
  ...overrides,
});

const refusedLogin = (i: number, reason: string, issuer: string | null, keyId: string | null) =>
  testEvent(i, {
    subject: null,
    agency: null,
    role: null,
    country: null,
    purpose: "BORDER_CHECK",
    agreements: [],
    outcome: "REJECTED",
    errorCodes: [reason === "keys-unavailable" ? "AUTHENTICATION_UNAVAILABLE" : "UNAUTHENTICATED"],
    fieldsAllowed: [],
    disclosedPersonRefs: [],
    categories: [],
    authentication: { reason, issuer, keyId },
  });

beforeAll(async () => {
  t = await createAuditTestDatabase();
  events = await appendEvents(
    t.db,
    [
      // 1: written before callers were recorded.
      testEvent(1, { disclosedPersonRefs: [PERSON] }),
      // 2: a kiosk acting for an officer, with a DPoP-bound token.
      testEvent(2, { caller: caller(), disclosedPersonRefs: [PERSON] }),
      // 3: a system calling on its own account, with a bearer token of another issuer.
      testEvent(3, {
        subject: "svc-residence",
        caller: caller({
          issuer: OTHER_ISSUER,
          clientId: "residence-backend",
          onBehalfOf: null,
          delegation: null,
          binding: "bearer",
        }),
      }),
      refusedLogin(4, "expired", ISSUER, "rsa-2026-11"),
      // 5: a token naming an issuer the hub does not trust: its claims are not recorded.
      refusedLogin(5, "unknown-issuer", null, null),
      refusedLogin(6, "keys-unavailable", OTHER_ISSUER, "kid-9"),
      // 7: an operator distrusts the kiosk's key.
      testEvent(7, {
        subject: "operator-ana",
        agency: null,
        role: null,
        country: null,
        purpose: null,
        agreements: [],
        operationHash: null,
        operationText: null,
        operationName: null,
        variables: {},
        fieldsAllowed: [],
        // Never a disclosure, even if a person were named.
        disclosedPersonRefs: [PERSON],
        categories: [],
        outcome: "ADMINISTERED",
        administration: {
          action: "distrust-key",
          issuer: ISSUER,
          keyId: "rsa-2026-11",
          reason: "private key leaked",
          operator: "operator-ana",
          result: "distrusted",
        },
      }),
      // 8: a verified token refused for its scopes: both the caller and the reason.
      testEvent(8, {
        outcome: "REJECTED",
        errorCodes: ["UNAUTHENTICATED"],
        caller: caller({ tokenId: "jti-9c", binding: "bearer", onBehalfOf: null, delegation: null }),
        authentication: { reason: "no-purpose-in-scope", issuer: ISSUER, keyId: "rsa-2026-11" },
        disclosedPersonRefs: [],
        categories: [],
      }),
    ],
    key,
  );
}, 30_000);
afterAll(async () => t?.drop());

const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(path.resolve(__dirname, "../../..")), "AM");
const schema = createAuditSubgraph({})
  .buildSchema()
  .then((s) => s.schema);

/** Runs an operation on the subgraph's schema as the gateway's auditor with purpose AUDIT. */
async function asAuditor(source: string, variableValues: Record<string, unknown> = {}) {
  const hub = {
    principal: {
      subject: "auditor-1",
      agency: "HUB_OPERATOR",
      role: "auditor",
      purposes: ["AUDIT"],
      country: "AM",
      cases: [],
    },
    purpose: "AUDIT",
    requestId: "unit-test",
  };
  const log = pino({ level: "silent" });
  const contextValue = {
    hub,
    dataSource: t.db,
    log,
    loaders: createLoaders(t.db, { agreements: () => new Map(), jwks: () => key.jwks }),
    guard: new RecordGuard({ pdp, owner: "HUB_OPERATOR", hub, log, today: () => "2026-11-25" } as never),
  } as unknown as Context;
  const result = await graphql({ schema: await schema, source, variableValues, contextValue });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, never>;
}

const SEARCH = `query ($filter: AuditEventFilter) {
  auditEvents(filter: $filter, first: 100) {
    totalCount
    edges { node { seq outcome subject
      caller { issuer clientId tokenId keyId onBehalfOf delegation binding }
      authentication { reason issuer keyId }
      administration { action issuer keyId reason operator result } } }
  }
}`;

interface Found {
  auditEvents: { totalCount: number; edges: { node: Record<string, unknown> & { seq: number } }[] };
}

const search = async (filter: Record<string, unknown>) => (await asAuditor(SEARCH, { filter })) as unknown as Found;
const seqs = async (filter: Record<string, unknown>) => (await search(filter)).auditEvents.edges.map((e) => e.node.seq);

describe("the caller and a refused login in the audit subgraph", () => {
  it("reads the caller, the refusal and the administration from each event's content", async () => {
    const nodes = new Map((await search({})).auditEvents.edges.map((e) => [e.node.seq, e.node]));
    expect(nodes.get(1)).toMatchObject({ caller: null, authentication: null, administration: null });
    expect(nodes.get(2)?.caller).toEqual({
      issuer: ISSUER,
      clientId: "border-kiosk",
      tokenId: "jti-7b2f",
      keyId: "rsa-2026-11",
      onBehalfOf: "officer-0147",
      delegation: "ACT",
      binding: "DPOP",
    });
    expect(nodes.get(3)?.caller).toMatchObject({ onBehalfOf: null, delegation: null, binding: "BEARER" });
    expect(nodes.get(4)).toMatchObject({
      outcome: "REJECTED",
      caller: null,
      authentication: { reason: "expired", issuer: ISSUER, keyId: "rsa-2026-11" },
    });
    expect(nodes.get(5)?.authentication).toEqual({ reason: "unknown-issuer", issuer: null, keyId: null });
    expect(nodes.get(7)).toMatchObject({
      outcome: "ADMINISTERED",
      subject: "operator-ana",
      caller: null,
      administration: {
        action: "DISTRUST_KEY",
        issuer: ISSUER,
        keyId: "rsa-2026-11",
        reason: "private key leaked",
        operator: "operator-ana",
        result: "distrusted",
      },
    });
  });

  it("finds events by issuer (callers, refused tokens, administered keys), client id, reason and outcome", async () => {
    expect(await seqs({ issuer: ISSUER })).toEqual([8, 7, 4, 2]);
    expect(await seqs({ issuer: OTHER_ISSUER })).toEqual([6, 3]);
    expect(await seqs({ clientId: "border-kiosk" })).toEqual([8, 2]);
    expect(await seqs({ authenticationReason: "expired" })).toEqual([4]);
    expect(await seqs({ authenticationReason: "no-purpose-in-scope", clientId: "border-kiosk" })).toEqual([8]);
    expect(await seqs({ outcome: "ADMINISTERED" })).toEqual([7]);
    expect(await seqs({ issuer: "https://idp.interior.example" })).toEqual([]); // exact, not a prefix
    expect((await search({ outcome: "REJECTED", issuer: ISSUER })).auditEvents.totalCount).toBe(2);
  });

  it("exports the caller, the reason and the administration as CSV columns", async () => {
    const csv = await exportAuditEvents(t.db, null, ExportFormat.CSV);
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe(CSV_COLUMNS.join(","));
    const column = (name: (typeof CSV_COLUMNS)[number], seq: number) => {
      const row = rows.find((r) => r.startsWith(`${seq},`))?.split(",") ?? [];
      return row[CSV_COLUMNS.indexOf(name)];
    };
    expect(
      ["issuer", "clientId", "tokenId", "keyId", "onBehalfOf", "delegation", "binding"].map((c) =>
        column(c as (typeof CSV_COLUMNS)[number], 2),
      ),
    ).toEqual([ISSUER, "border-kiosk", "jti-7b2f", "rsa-2026-11", "officer-0147", "act", "dpop"]);
    expect(column("authenticationReason", 4)).toBe("expired");
    expect(column("keyId", 4)).toBe("rsa-2026-11");
    expect(column("administration", 7)).toBe("distrust-key:distrusted (private key leaked)");
    expect(column("issuer", 1)).toBe("");
  });

  it("verifies the chain, and names an identity column edited to hide an event from a search", async () => {
    expect(await verifyAuditChain(t.db, { loadJwks: () => key.jwks })).toMatchObject({ valid: true, eventsChecked: 8 });
    for (const [column, seq] of [
      ["issuer", 4],
      ["client_id", 2],
      ["auth_reason", 5],
    ] as const) {
      const [row] = (await t.db.query(`SELECT ${column} AS value FROM audit_event WHERE seq = $1`, [seq])) as {
        value: string;
      }[];
      await t.db.query(`UPDATE audit_event SET ${column} = NULL WHERE seq = $1`, [seq]);
      try {
        expect((await verifyAuditChain(t.db, { loadJwks: () => key.jwks })).firstBroken).toEqual({
          seq,
          id: events[seq - 1]?.id,
          reason: `search column ${column} disagrees with the content (altered)`,
        });
      } finally {
        await t.db.query(`UPDATE audit_event SET ${column} = $2 WHERE seq = $1`, [seq, row?.value]);
      }
    }
  });

  it("lists no operator's action and no refused login in a subject access report", async () => {
    const report = await subjectAccessReport(t.db, PERSON, { agreements: new Map(), today: "2026-11-25" });
    expect(report.disclosures).toHaveLength(2); // events 1 and 2
  });
});

describe("the key distrust table", () => {
  const distrust = (issuer: string, kid: string, operator: string, reason: string | null) =>
    t.db.query(IDENTITY_KEY_DISTRUST_INSERT_SQL, [
      issuer,
      kid,
      new Date("2026-11-25T10:00:00Z"),
      operator,
      reason,
      events[6]?.id,
    ]) as Promise<{ key_id: string }[]>;

  it("keeps the first distrust of a key and lists an issuer's distrusted keys", async () => {
    expect(await distrust(ISSUER, "rsa-2026-11", "operator-ana", "private key leaked")).toEqual([
      { key_id: "rsa-2026-11" },
    ]);
    // Twice, by another operator: nothing new, the first record stays.
    expect(await distrust(ISSUER, "rsa-2026-11", "operator-ben", null)).toEqual([]);
    await distrust(OTHER_ISSUER, "kid-9", "operator-ben", null);
    const rows = (await t.db.query(IDENTITY_KEY_DISTRUST_SELECT_SQL, [[ISSUER]])) as IdentityKeyDistrustRow[];
    expect(rows).toEqual([
      {
        issuer: ISSUER,
        key_id: "rsa-2026-11",
        distrusted_at: new Date("2026-11-25T10:00:00Z"),
        operator: "operator-ana",
        reason: "private key leaked",
        event_id: events[6]?.id,
      },
    ]);
    expect(await t.db.query(IDENTITY_KEY_DISTRUST_SELECT_SQL, [[ISSUER, OTHER_ISSUER]])).toHaveLength(2);
  });
});
