/**
 * `npm run audit:sign-head`: signs the audit chain head as it stands, for a log whose head carries
 * no valid signature through no attack: one written before heads were signed, or after the audit
 * key was replaced without keeping the old public key in AUDIT_JWKS. Gateways extend only a signed
 * head, so such a log takes no appends until this runs. Run `npm run audit -- verify` first: it
 * must name nothing but the head's signature, since this vouches for whatever the head names.
 */
import { Client } from "pg";
import { AUDIT_CHAIN_LOCK_SQL, AUDIT_HEAD_UPDATE_SQL, GENESIS_HASH, signChainHead } from "@hub/contracts";
import { loadAuditKeys } from "../audit/auditKeys";
import { loadAuditConfig } from "../config";

async function main(): Promise<void> {
  const audit = loadAuditConfig();
  const keys = loadAuditKeys(audit.keyPath, audit.jwksPath);
  const db = new Client({ connectionString: audit.databaseUrl, connectionTimeoutMillis: audit.connectTimeoutMs });
  await db.connect();
  try {
    await db.query("BEGIN");
    // The chain lock: no gateway appends while the head is checked and signed.
    const head = (await db.query<{ seq: string; hash: string }>(AUDIT_CHAIN_LOCK_SQL)).rows[0];
    if (!head) throw new Error("the audit chain has no head row; run the audit subgraph's migrations");
    const last = (
      await db.query<{ seq: string; hash: string }>("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
    ).rows[0];
    const [seq, hash] = [Number(head.seq), head.hash];
    if (Number(last?.seq ?? 0) !== seq || (last?.hash ?? GENESIS_HASH) !== hash) {
      throw new Error(`the chain head (event ${seq}) does not name the last event (${last?.seq ?? 0}); nothing signed`);
    }
    const signed = signChainHead(keys.signing, seq, hash);
    await db.query(AUDIT_HEAD_UPDATE_SQL, [seq, hash, signed.keyId, signed.signature]);
    await db.query("COMMIT");
    process.stdout.write(`audit chain head signed: event ${seq} with key ${signed.keyId}\n`);
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
