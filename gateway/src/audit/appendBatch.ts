/**
 * One group commit of the audit chain, inside the caller's transaction: takes the chain lock (the
 * head row), extends the chain from its head (only if the head's signature holds), and writes the
 * batch, its checkpoints and the moved, signed head in one statement, so that the lock is held for
 * one round trip and the commit.
 */
import { performance } from "node:perf_hooks";
import type { PoolClient } from "pg";
import {
  AUDIT_APPEND_SQL,
  AUDIT_CHAIN_LOCK_SQL,
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

export interface AppendReport {
  /** From asking for the chain lock to holding it (with the head read): what other appenders cost this one. */
  lockWaitMs: number;
}

/** The head is missing, or not signed by a trusted key (the newest events may have been cut off): the chain is not extended. */
export class ChainHeadError extends Error {}

export async function appendBatch(client: PoolClient, events: PreparedEvent[], keys: AuditKeys): Promise<AppendReport> {
  // One chain across every gateway process: appends are serialised by the head row's lock.
  const asked = performance.now();
  const head = await client.query<{ seq: string; hash: string; key_id: string | null; signature: string | null }>(
    AUDIT_CHAIN_LOCK_SQL,
  );
  const lockWaitMs = performance.now() - asked;
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
  const checkpoints: { seq: number; hash: string; keyId: string; signature: string }[] = [];
  for (const { content, text } of events) {
    seq += 1;
    const hash = chainHashOfText(prevHash, seq, text);
    rows.push(auditRowOf({ seq, content, text, prevHash, hash }));
    if (seq % CHECKPOINT_INTERVAL === 0) checkpoints.push({ seq, hash, ...signCheckpoint(keys.signing, seq, hash) });
    prevHash = hash;
  }
  const signed = signChainHead(keys.signing, seq, prevHash);
  await client.query(AUDIT_APPEND_SQL, [
    ...auditInsertParameters(rows),
    checkpoints.map((c) => c.seq),
    checkpoints.map((c) => c.hash),
    checkpoints.map((c) => c.keyId),
    checkpoints.map((c) => c.signature),
    seq,
    prevHash,
    signed.keyId,
    signed.signature,
  ]);
  return { lockWaitMs };
}
