/**
 * The decision point of a policy version stored in the audit database, rebuilt from its texts and
 * checked against its hash before it decides anything (a row that does not rebuild to its own
 * version resolves nothing). Kept per process: a stored version never changes.
 */
import type { DataSource } from "typeorm";
import { POLICY_VERSION_SELECT_SQL, type PolicyVersionRow } from "@hub/contracts";
import { parsePolicySnapshot, PolicyDecisionPoint } from "@hub/policies";

/** A few versions at most are replayed at once; each holds its pre-parsed policies. */
const KEPT = 8;
const kept = new Map<string, PolicyDecisionPoint>();

export type RecordedDecisionPoint = { pdp: PolicyDecisionPoint } | { unresolved: string };

const HASH = /^[0-9a-f]{64}$/;

export async function recordedDecisionPoint(db: DataSource, version: string): Promise<RecordedDecisionPoint> {
  const cached = kept.get(version);
  if (cached) return { pdp: cached };
  if (!HASH.test(version)) return { unresolved: `the event cites no policy version hash (${version.slice(0, 80)})` };
  const rows = (await db.query(POLICY_VERSION_SELECT_SQL, [version])) as PolicyVersionRow[];
  const row = rows[0];
  if (!row) return { unresolved: `policy version ${version} is not stored in the audit database` };
  let pdp: PolicyDecisionPoint;
  try {
    pdp = PolicyDecisionPoint.fromSnapshot(parsePolicySnapshot(row.snapshot));
  } catch (error) {
    return { unresolved: `the stored texts of policy version ${version} do not load: ${(error as Error).message}` };
  }
  if (pdp.version !== version) {
    return { unresolved: `the stored texts of policy version ${version} rebuild to another version (${pdp.version})` };
  }
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value ?? "");
  kept.set(version, pdp);
  return { pdp };
}
