/**
 * The audit database's tables, shared by the gateway (which appends) and the audit subgraph
 * (which migrates, reads and verifies). `content` holds the event's canonical JSON exactly as
 * hashed; the other columns repeat some of it for searching, and verification checks they agree.
 */

export const AUDIT_TABLE = "audit_event";
export const AUDIT_HEAD_TABLE = "audit_chain_head";
export const AUDIT_CHECKPOINT_TABLE = "audit_checkpoint";

/** Advisory lock that serialises appends from every gateway process into one chain. */
export const AUDIT_CHAIN_LOCK = 7_272_021;

/** A signed checkpoint anchors the chain every this many events. */
export const CHECKPOINT_INTERVAL = 100;

/** Columns the gateway inserts, in this order. */
export const AUDIT_COLUMNS = [
  "seq",
  "id",
  "occurred_at",
  "content",
  "prev_hash",
  "hash",
  "request_id",
  "subject",
  "agency",
  "role",
  "purpose",
  "outcome",
  "rule_ids",
  "person_refs",
  "categories",
  "release_after",
] as const;

export const AUDIT_DDL = [
  `CREATE TABLE ${AUDIT_TABLE} (
    seq bigint NOT NULL,
    id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    content text NOT NULL,
    prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL,
    request_id text NOT NULL,
    subject text,
    agency text,
    role text,
    purpose text,
    outcome text NOT NULL,
    rule_ids text[] NOT NULL DEFAULT '{}',
    person_refs text[] NOT NULL DEFAULT '{}',
    categories text[] NOT NULL DEFAULT '{}',
    release_after date,
    PRIMARY KEY (seq, occurred_at)
  ) PARTITION BY RANGE (occurred_at)`,
  `CREATE TABLE ${AUDIT_TABLE}_default PARTITION OF ${AUDIT_TABLE} DEFAULT`,
  `CREATE INDEX ${AUDIT_TABLE}_occurred ON ${AUDIT_TABLE} (occurred_at)`,
  `CREATE INDEX ${AUDIT_TABLE}_seq ON ${AUDIT_TABLE} (seq)`,
  `CREATE INDEX ${AUDIT_TABLE}_person_refs ON ${AUDIT_TABLE} USING gin (person_refs)`,
  `CREATE INDEX ${AUDIT_TABLE}_rule_ids ON ${AUDIT_TABLE} USING gin (rule_ids)`,
  `CREATE TABLE ${AUDIT_HEAD_TABLE} (
    id int PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL,
    hash char(64) NOT NULL
  )`,
  `INSERT INTO ${AUDIT_HEAD_TABLE} (id, seq, hash) VALUES (1, 0, '${"0".repeat(64)}')`,
  `CREATE TABLE ${AUDIT_CHECKPOINT_TABLE} (
    seq bigint PRIMARY KEY,
    hash char(64) NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id text NOT NULL,
    signature text NOT NULL
  )`,
];

/** SQL creating the monthly partition holding `month` (a `YYYY-MM` string) if it is missing. */
export function monthlyPartitionSql(month: string): string {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, "0")}`;
  return `CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE}_${month.replace("-", "_")} PARTITION OF ${AUDIT_TABLE} FOR VALUES FROM ('${month}-01') TO ('${next}-01')`;
}
