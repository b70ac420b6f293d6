/**
 * For unit tests only (not exported): a throw-away audit database on the local PostgreSQL server,
 * and an appender that writes events the way the gateway does (hash chain, head row, signed
 * checkpoints under the chain lock).
 */
import { generateKeyPairSync, randomUUID, type JsonWebKey } from "node:crypto";
import type { DataSource } from "typeorm";
import { createAgencyTestDatabase, type AgencyTestDatabase } from "@hub/kit/dist/testing/agencyTestDatabase";
import {
  AUDIT_CHAIN_LOCK_SQL,
  AUDIT_HEAD_UPDATE_SQL,
  AUDIT_INSERT_SQL,
  auditInsertParameters,
  auditRowOf,
  canonicalJson,
  chainHash,
  CHECKPOINT_INTERVAL,
  signChainHead,
  signCheckpoint,
  type AuditEvent,
  type AuditEventContent,
} from "@hub/contracts";
import { ensureMonthlyPartitions } from "../ensureMonthlyPartitions";
import { entities, migrations } from "../subgraph";
import type { PublicJwks } from "../verifyAuditChain";

export type AuditTestDatabase = AgencyTestDatabase;

export async function createAuditTestDatabase(): Promise<AuditTestDatabase> {
  const t = await createAgencyTestDatabase("audit", entities, migrations, 4);
  await ensureMonthlyPartitions(t.db);
  return t;
}

export interface TestKey {
  privateJwk: JsonWebKey & { kid: string };
  jwks: PublicJwks;
}

export function createTestKey(kid = "audit-test"): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateJwk: { ...privateKey.export({ format: "jwk" }), kid },
    jwks: { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "EdDSA", use: "sig" }] },
  };
}

/** A plausible event; `overrides` replace any part of it. */
export function testEvent(i: number, overrides: Partial<AuditEventContent> = {}): AuditEventContent {
  return {
    id: randomUUID(),
    occurredAt: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1, 0, i)).toISOString(),
    requestId: `req-${i}`,
    subject: `officer-${String(i).padStart(4, "0")}`,
    agency: "BORDER_POLICE",
    role: "border-officer",
    country: "AM",
    purpose: "BORDER_CHECK",
    authorizationRef: null,
    agreements: ["AGR-BP-INTERNAL-BORDER"],
    operationHash: "a".repeat(64),
    operationText: `query Q${i} { person(personRef: $ref) { crossings { crossedAt } } }`,
    operationName: `Q${i}`,
    variables: { ref: "h:0f3a" },
    fieldsAllowed: [
      {
        field: "BorderCrossing.crossedAt",
        category: "TRAVEL",
        owner: "BORDER_POLICE",
        policies: ["AGR-BP-INTERNAL-BORDER"],
      },
    ],
    fieldsDenied: [],
    refusals: [],
    outcome: "ALLOWED",
    errorCodes: [],
    durationMs: 12,
    policyVersion: "p".repeat(16),
    disclosedPersonRefs: [`P-${i % 7}`],
    categories: ["TRAVEL"],
    releaseAfter: null,
    ...overrides,
  };
}

/** The row values of an event, in AUDIT_COLUMNS order, as the gateway writes them. */
export function rowOf(event: AuditEvent): unknown[] {
  const { seq, prevHash, hash, ...content } = event;
  return auditRowOf({ seq, content, text: canonicalJson(content), prevHash, hash });
}

/** Appends as one gateway batch: under the chain lock, from the head, with a checkpoint every CHECKPOINT_INTERVAL and the head signed. */
export async function appendEvents(db: DataSource, contents: AuditEventContent[], key: TestKey): Promise<AuditEvent[]> {
  return db.transaction(async (m) => {
    const [head] = (await m.query(AUDIT_CHAIN_LOCK_SQL)) as {
      seq: string;
      hash: string;
    }[];
    let seq = Number(head?.seq ?? 0);
    let prevHash = head?.hash ?? "0".repeat(64);
    const events: AuditEvent[] = [];
    for (const content of contents) {
      seq += 1;
      const hash = chainHash(prevHash, seq, content);
      events.push({ ...content, seq, prevHash, hash });
      prevHash = hash;
    }
    await m.query(AUDIT_INSERT_SQL, auditInsertParameters(events.map(rowOf)));
    for (const e of events.filter((e) => e.seq % CHECKPOINT_INTERVAL === 0)) {
      const { keyId, signature } = signCheckpoint(key.privateJwk, e.seq, e.hash);
      await m.query(
        "INSERT INTO audit_checkpoint (seq, hash, signed_at, key_id, signature) VALUES ($1, $2, now(), $3, $4)",
        [e.seq, e.hash, keyId, signature],
      );
    }
    const signed = signChainHead(key.privateJwk, seq, prevHash);
    await m.query(AUDIT_HEAD_UPDATE_SQL, [seq, prevHash, signed.keyId, signed.signature]);
    return events;
  });
}

/** Empties the log, as before the first request. */
export async function resetAuditLog(db: DataSource): Promise<void> {
  await db.query("TRUNCATE audit_event, audit_checkpoint");
  await db.query(AUDIT_HEAD_UPDATE_SQL, [0, "0".repeat(64), null, null]);
}
