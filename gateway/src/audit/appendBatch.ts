/**
 * One group commit of the audit chain, inside the caller's transaction: takes the chain lock,
 * extends the chain from its head (only if the head's signature holds), inserts the whole batch in one statement of one array per
 * column, signs a checkpoint at every interval and moves the head with its signature.
 */
import type { PoolClient } from "pg";
import {
  AUDIT_CHAIN_LOCK,
  AUDIT_CHECKPOINT_TABLE,
  AUDIT_HEAD_TABLE,
  AUDIT_HEAD_UPDATE_SQL,
  AUDIT_INSERT_SQL,
  auditInsertParameters,
  chainHashOfText,
  CHECKPOINT_INTERVAL,
  auditRowOf,
  signChainHead,
  signCheckpoint,
  verifyChainHead,
  type AuditEventContent,
  type PrivateAuditKey,
  type PublicAuditKeys,
} from "@hub/contracts";

/** An event with its canonical JSON, serialised before the lock is taken. */
export interface PreparedEvent {
  content: AuditEventContent;
  text: string;
}

export interface AuditKeys {
  /** Signs checkpoints and the head. */
  signing: PrivateAuditKey;
  /** Public keys a head may be signed with (AUDIT_JWKS, the signing key's own among them). */
  trusted: PublicAuditKeys;
}

/** The head is missing, or not signed by a trusted key (the newest events may have been cut off): the chain is not extended. */
export class ChainHeadError extends Error {}

export async function appendBatch(client: PoolClient, events: PreparedEvent[], keys: AuditKeys): Promise<void> {
  // One chain across every gateway process: appends are serialised by this lock.
  await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
  const head = await client.query<{ seq: string; hash: string; key_id: string | null; signature: string | null }>(
    `SELECT seq, hash, key_id, signature FROM ${AUDIT_HEAD_TABLE} WHERE id = 1 FOR UPDATE`,
  );
  const row = head.rows[0];
  if (!row) throw new ChainHeadError("the audit chain has no head row; run the audit subgraph's migrations");
  let seq = Number(row.seq);
  // Signing a head moved back over deleted events would make the cut undetectable: refuse instead.
  if (seq > 0 && !verifyChainHead(keys.trusted, { seq, hash: row.hash, keyId: row.key_id, signature: row.signature })) {
    throw new ChainHeadError(
      `the audit chain head (event ${seq}) is not signed by the audit key; appends stop until the log is checked (npm run audit -- verify) and its head signed again (npm run audit:sign-head)`,
    );
  }
  let prevHash = row.hash;
  const rows: unknown[][] = [];
  const checkpoints: { seq: number; hash: string }[] = [];
  for (const { content, text } of events) {
    seq += 1;
    const hash = chainHashOfText(prevHash, seq, text);
    rows.push(auditRowOf({ seq, content, text, prevHash, hash }));
    if (seq % CHECKPOINT_INTERVAL === 0) checkpoints.push({ seq, hash });
    prevHash = hash;
  }
  await client.query(AUDIT_INSERT_SQL, auditInsertParameters(rows));
  if (checkpoints.length > 0) {
    const signed = checkpoints.map((c) => ({ ...c, ...signCheckpoint(keys.signing, c.seq, c.hash) }));
    await client.query(
      `INSERT INTO ${AUDIT_CHECKPOINT_TABLE} (seq, hash, signed_at, key_id, signature)
       SELECT s, h, now(), k, g FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(s, h, k, g)`,
      [signed.map((c) => c.seq), signed.map((c) => c.hash), signed.map((c) => c.keyId), signed.map((c) => c.signature)],
    );
  }
  const signed = signChainHead(keys.signing, seq, prevHash);
  await client.query(AUDIT_HEAD_UPDATE_SQL, [seq, prevHash, signed.keyId, signed.signature]);
}
