/**
 * An audit database of a test's own, on the hub's PostgreSQL server, created empty and migrated
 * by the audit subgraph's own `migrate`: for tests that hold the chain lock or stall the store
 * without disturbing the log the other test files share. Also a plausible event to append to it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { Client } from "pg";
import { AUDIT_CHAIN_LOCK_SQL, type AuditEventContent } from "@hub/contracts";
import { runToCompletion } from "@hub/local/dist/processes";
import { hub, repoRoot } from "./fixtures";

export interface OwnAuditDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

const adminUrl = () => {
  const url = new URL(hub.databaseUrls.audit ?? "");
  url.pathname = "/postgres";
  return url.toString();
};

async function admin(sql: string): Promise<void> {
  const db = new Client({ connectionString: adminUrl() });
  await db.connect();
  try {
    await db.query(sql);
  } finally {
    await db.end();
  }
}

export async function createOwnAuditDatabase(): Promise<OwnAuditDatabase> {
  if (hub.databases !== "server") throw new Error("an own audit database needs the PostgreSQL server");
  const name = `hub_test_own_audit_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(hub.databaseUrls.audit ?? "");
  url.pathname = `/${name}`;
  await runToCompletion(
    path.join(repoRoot, "subgraphs/audit/dist/main.js"),
    ["migrate"],
    { PATH: process.env.PATH, HUB_STATE_DIR: hub.stateDir, AUDIT_DATABASE_URL: url.toString(), LOG_LEVEL: "warn" },
    `migrating ${name}`,
  );
  return { url: url.toString(), name, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs `work` while a session of its own holds the chain lock (as a stuck appender would), then lets it go. */
export async function withChainLockHeld<T>(url: string, work: (holder: Client) => Promise<T>): Promise<T> {
  const holder = new Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(AUDIT_CHAIN_LOCK_SQL);
    const result = await work(holder);
    await holder.query("COMMIT");
    return result;
  } finally {
    await holder.end();
  }
}

/** An event as the gateway would record an allowed border check; `i` tells events apart. */
export function syntheticAuditEvent(i: number, overrides: Partial<AuditEventContent> = {}): AuditEventContent {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    requestId: `writer-test-${i}`,
    subject: "officer-0147",
    agency: "BORDER_POLICE",
    role: "border-officer",
    country: "AM",
    purpose: "BORDER_CHECK",
    authorizationRef: null,
    agreements: ["AGR-MS-BP-BORDER"],
    operationHash: "a".repeat(64),
    operationText: `query Q${i} { person(personRef: "hmac:0f3a") { familyName } }`,
    operationName: `Q${i}`,
    variables: {},
    fieldsAllowed: [
      { field: "Person.familyName", category: "IDENTITY", owner: "MIGRATION_SERVICE", policies: ["AGR-MS-BP-BORDER"] },
    ],
    fieldsDenied: [],
    refusals: [],
    outcome: "ALLOWED",
    errorCodes: [],
    durationMs: 3,
    policyVersion: "p".repeat(64),
    disclosedPersonRefs: [`P-${i % 13}`],
    categories: ["IDENTITY"],
    releaseAfter: null,
    ...overrides,
  };
}
