/**
 * The policy versions the gateways decided with, content-addressed (R10-3): each row holds the
 * texts (a PolicySnapshot as canonical JSON) that rebuild to its version hash, so that the
 * `policyVersion` of every audit event resolves to the exact rules, agreements and regimes.
 * A gateway stores its version before it serves; a version is stored once and never changed.
 */

export const POLICY_VERSION_TABLE = "policy_version";

export const POLICY_VERSION_DDL = [
  `CREATE TABLE ${POLICY_VERSION_TABLE} (
    version char(64) PRIMARY KEY,
    snapshot text NOT NULL,
    stored_at timestamptz NOT NULL
  )`,
];

/**
 * Stores a version: $1 the version hash, $2 the snapshot's canonical JSON, $3 when. A version
 * already stored keeps its first row; the statement returns a row only when the version is new.
 */
export const POLICY_VERSION_INSERT_SQL = `INSERT INTO ${POLICY_VERSION_TABLE} (version, snapshot, stored_at)
  VALUES ($1, $2, $3) ON CONFLICT (version) DO NOTHING RETURNING version`;

/** One stored version ($1). */
export const POLICY_VERSION_SELECT_SQL = `SELECT version, snapshot, stored_at FROM ${POLICY_VERSION_TABLE} WHERE version = $1`;

/** A row of POLICY_VERSION_SELECT_SQL as pg returns it. */
export interface PolicyVersionRow {
  version: string;
  snapshot: string;
  stored_at: Date;
}
