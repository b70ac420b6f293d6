/**
 * One group commit of the audit chain, inside the caller's transaction: takes the chain lock,
 * extends the chain from its head, inserts the whole batch in one statement of one array per
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
  ruleIdsOf,
  signChainHead,
  signCheckpoint,
  type AuditEventContent,
  type PrivateAuditKey,
} from "@hub/contracts";

/** An event with its canonical JSON, serialised before the lock is taken. */
export interface PreparedEvent {
  content: AuditEventContent;
  text: string;
}

export async function appendBatch(client: PoolClient, events: PreparedEvent[], key: PrivateAuditKey): Promise<void> {
  // One chain across every gateway process: appends are serialised by this lock.
  await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
  const head = await client.query<{ seq: string; hash: string }>(
    `SELECT seq, hash FROM ${AUDIT_HEAD_TABLE} WHERE id = 1 FOR UPDATE`,
  );
  const row = head.rows[0];
  if (!row) throw new Error("the audit chain has no head row; run the audit subgraph's migrations");
  let seq = Number(row.seq);
  let prevHash = row.hash;
  const rows: unknown[][] = [];
  const checkpoints: { seq: number; hash: string }[] = [];
  for (const { content, text } of events) {
    seq += 1;
    const hash = chainHashOfText(prevHash, seq, text);
    rows.push([
      seq,
      content.id,
      content.occurredAt,
      text,
      prevHash,
      hash,
      content.requestId,
      content.subject,
      content.agency,
      content.role,
      content.purpose,
      content.outcome,
      ruleIdsOf(content),
      content.disclosedPersonRefs,
      content.categories,
      content.releaseAfter,
    ]);
    if (seq % CHECKPOINT_INTERVAL === 0) checkpoints.push({ seq, hash });
    prevHash = hash;
  }
  await client.query(AUDIT_INSERT_SQL, auditInsertParameters(rows));
  if (checkpoints.length > 0) {
    const signed = checkpoints.map((c) => ({ ...c, ...signCheckpoint(key, c.seq, c.hash) }));
    await client.query(
      `INSERT INTO ${AUDIT_CHECKPOINT_TABLE} (seq, hash, signed_at, key_id, signature)
       SELECT s, h, now(), k, g FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(s, h, k, g)`,
      [signed.map((c) => c.seq), signed.map((c) => c.hash), signed.map((c) => c.keyId), signed.map((c) => c.signature)],
    );
  }
  const signed = signChainHead(key, seq, prevHash);
  await client.query(AUDIT_HEAD_UPDATE_SQL, [seq, prevHash, signed.keyId, signed.signature]);
}
