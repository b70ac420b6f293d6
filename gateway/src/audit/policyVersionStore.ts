/**
 * Keeps the gateway's policy version in the audit database before the gateway serves (R10-3):
 * the texts it was built from, content-addressed by the version every audit event cites, so that
 * a replay years later decides with exactly them. Stored once per version (a second gateway, or
 * a restart, finds it there); a start that cannot store it fails, since events citing a version
 * nobody can resolve must not be written.
 */
import { Client } from "pg";
import type { Logger } from "pino";
import { POLICY_VERSION_INSERT_SQL, POLICY_VERSION_SELECT_SQL, type PolicyVersionRow } from "@hub/contracts";
import {
  parsePolicySnapshot,
  policySnapshot,
  policySnapshotText,
  snapshotVersion,
  type PolicyDecisionPoint,
  type PolicyPaths,
} from "@hub/policies";

export interface PolicyVersionStoreSettings {
  databaseUrl: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  policyPaths: PolicyPaths;
  country: string;
}

/** Whether a stored row rebuilds to its version (another layout of the same texts does). */
function rebuildsTo(row: PolicyVersionRow): boolean {
  try {
    return snapshotVersion(parsePolicySnapshot(row.snapshot)) === row.version.trim();
  } catch {
    return false;
  }
}

export async function storePolicyVersion(
  pdp: PolicyDecisionPoint,
  settings: PolicyVersionStoreSettings,
  log: Logger,
  now: () => number = Date.now,
): Promise<void> {
  const snapshot = policySnapshot(settings.policyPaths, settings.country);
  // The files could have changed since the decision point read them: store only what rebuilds to its version.
  if (snapshotVersion(snapshot) !== pdp.version) {
    throw new Error("The policy files changed while the gateway was loading them; start it again");
  }
  const text = policySnapshotText(snapshot);
  const db = new Client({
    connectionString: settings.databaseUrl,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    query_timeout: settings.statementTimeoutMs,
    application_name: "hub-gateway-policy-version",
  });
  db.on("error", () => undefined);
  try {
    await db.connect();
    const inserted = await db.query(POLICY_VERSION_INSERT_SQL, [pdp.version, text, new Date(now())]);
    if (inserted.rowCount === 1) {
      log.info({ policyVersion: pdp.version }, "policy version stored in the audit database");
      return;
    }
    const { rows } = await db.query<PolicyVersionRow>(POLICY_VERSION_SELECT_SQL, [pdp.version]);
    const stored = rows[0];
    if (!stored || (stored.snapshot !== text && !rebuildsTo(stored))) {
      throw new Error(`the stored texts of policy version ${pdp.version} do not rebuild to it`);
    }
  } catch (error) {
    throw new Error(
      `Cannot keep the policy version in the audit database (AUDIT_DATABASE_URL): ${(error as Error).message}`,
    );
  } finally {
    await db.end().catch(() => undefined);
  }
}
