/**
 * The audit database's tables, shared by the gateway (which appends) and the audit subgraph
 * (which migrates, reads and verifies). `content` holds the event's canonical JSON exactly as
 * hashed; the other columns repeat some of it for searching, and verification checks they agree.
 */

export const AUDIT_TABLE = "audit_event";
export const AUDIT_HEAD_TABLE = "audit_chain_head";
export const AUDIT_CHECKPOINT_TABLE = "audit_checkpoint";
/** Key ids an operator distrusted, per issuer: kept here so that the distrust survives a restart and reaches every gateway. */
export const IDENTITY_KEY_DISTRUST_TABLE = "identity_key_distrust";

/** A signed checkpoint anchors the chain every this many events. */
export const CHECKPOINT_INTERVAL = 100;

/** Columns the gateway inserts, in this order (auditRowOf builds a row). */
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
  "issuer",
  "client_id",
  "auth_reason",
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

/**
 * The chain head carries the audit key's signature of its (seq, hash), renewed with every append:
 * moving the head back over deleted events then needs the key. Null only before the first append.
 */
export const AUDIT_HEAD_SIGNATURE_DDL = [
  `ALTER TABLE ${AUDIT_HEAD_TABLE} ADD COLUMN key_id text, ADD COLUMN signature text`,
];

export const AUDIT_HEAD_UPDATE_SQL = `UPDATE ${AUDIT_HEAD_TABLE} SET seq = $1, hash = $2, key_id = $3, signature = $4 WHERE id = 1`;

/**
 * The chain lock: the head row, locked until the transaction ends. Every appender of every gateway
 * process reads the head this way, so appends are serialised into one chain, and a waiting appender
 * reads the head its predecessor committed (READ COMMITTED re-reads a row locked FOR UPDATE).
 * Whatever must keep appends out for a moment (creating a partition, signing the head) takes it too.
 */
export const AUDIT_CHAIN_LOCK_SQL = `SELECT seq, hash, key_id, signature FROM ${AUDIT_HEAD_TABLE} WHERE id = 1 FOR UPDATE`;

/**
 * Who called and why a login failed, searchable (contracts/src/audit/identityColumns.ts derives
 * them). Partial indexes: most events have no authentication reason, and events written before
 * these columns have none of them. Nullable without a default, so adding them rewrites no row.
 */
export const AUDIT_IDENTITY_DDL = [
  `ALTER TABLE ${AUDIT_TABLE} ADD COLUMN issuer text, ADD COLUMN client_id text, ADD COLUMN auth_reason text`,
  `CREATE INDEX ${AUDIT_TABLE}_issuer ON ${AUDIT_TABLE} (issuer) WHERE issuer IS NOT NULL`,
  `CREATE INDEX ${AUDIT_TABLE}_client_id ON ${AUDIT_TABLE} (client_id) WHERE client_id IS NOT NULL`,
  `CREATE INDEX ${AUDIT_TABLE}_auth_reason ON ${AUDIT_TABLE} (auth_reason) WHERE auth_reason IS NOT NULL`,
];

/** Every distrust has the audit event of the operator's command that made it (`event_id`). */
export const IDENTITY_KEY_DISTRUST_DDL = [
  `CREATE TABLE ${IDENTITY_KEY_DISTRUST_TABLE} (
    issuer text NOT NULL,
    key_id text NOT NULL,
    distrusted_at timestamptz NOT NULL,
    operator text NOT NULL,
    reason text,
    event_id uuid NOT NULL,
    PRIMARY KEY (issuer, key_id)
  )`,
];

/**
 * Records a distrust: $1 issuer, $2 key id, $3 when (timestamptz), $4 operator, $5 reason (or null),
 * $6 the audit event's id. A key already distrusted keeps its first record: the statement returns
 * a row (`key_id`) only when the distrust is new.
 */
export const IDENTITY_KEY_DISTRUST_INSERT_SQL = `INSERT INTO ${IDENTITY_KEY_DISTRUST_TABLE} (issuer, key_id, distrusted_at, operator, reason, event_id)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (issuer, key_id) DO NOTHING RETURNING key_id`;

/** Every distrusted key of the issuers in $1 (a text[]), oldest first. */
export const IDENTITY_KEY_DISTRUST_SELECT_SQL = `SELECT issuer, key_id, distrusted_at, operator, reason, event_id
  FROM ${IDENTITY_KEY_DISTRUST_TABLE} WHERE issuer = ANY($1::text[]) ORDER BY distrusted_at, issuer, key_id`;

/** A row of IDENTITY_KEY_DISTRUST_SELECT_SQL as pg returns it. */
export interface IdentityKeyDistrustRow {
  issuer: string;
  key_id: string;
  distrusted_at: Date;
  operator: string;
  reason: string | null;
  event_id: string;
}

type AuditColumn = (typeof AUDIT_COLUMNS)[number];

/** Columns holding lists: sent as one JSON text per row, since PostgreSQL has no array of arrays of any length. */
const LIST_COLUMNS: ReadonlySet<AuditColumn> = new Set(["rule_ids", "person_refs", "categories"]);

const ARRAY_TYPES: Record<AuditColumn, string> = {
  seq: "bigint[]",
  id: "uuid[]",
  occurred_at: "timestamptz[]",
  content: "text[]",
  prev_hash: "text[]",
  hash: "text[]",
  request_id: "text[]",
  subject: "text[]",
  agency: "text[]",
  role: "text[]",
  purpose: "text[]",
  outcome: "text[]",
  rule_ids: "jsonb[]",
  person_refs: "jsonb[]",
  categories: "jsonb[]",
  release_after: "date[]",
  issuer: "text[]",
  client_id: "text[]",
  auth_reason: "text[]",
};

const listOf = (column: string) =>
  `ARRAY(SELECT v FROM jsonb_array_elements_text(u.${column}) WITH ORDINALITY AS l(v, n) ORDER BY n)`;

/**
 * Inserts any number of events with one array parameter per column (unnest): 19 parameters
 * whatever the batch size, where one parameter per value would pass PostgreSQL's limit of 65,535
 * at 4,096 events.
 */
export const AUDIT_INSERT_SQL = `INSERT INTO ${AUDIT_TABLE} (${AUDIT_COLUMNS.join(", ")})
  SELECT ${AUDIT_COLUMNS.map((c) => (LIST_COLUMNS.has(c) ? listOf(c) : `u.${c}`)).join(", ")}
  FROM unnest(${AUDIT_COLUMNS.map((c, i) => `$${i + 1}::${ARRAY_TYPES[c]}`).join(", ")}) AS u(${AUDIT_COLUMNS.join(", ")})`;

const cp = AUDIT_COLUMNS.length;

/**
 * One group commit's writes in one statement, so that the chain lock is held for one round trip
 * and the commit: the batch's rows (AUDIT_INSERT_SQL's parameters first), its checkpoints (arrays of
 * seq, hash, key id, signature; empty for none) and the head moved with its signature.
 */
export const AUDIT_APPEND_SQL = `WITH appended AS (${AUDIT_INSERT_SQL}),
  anchored AS (
    INSERT INTO ${AUDIT_CHECKPOINT_TABLE} (seq, hash, signed_at, key_id, signature)
    SELECT s, h, now(), k, g FROM unnest($${cp + 1}::bigint[], $${cp + 2}::text[], $${cp + 3}::text[], $${cp + 4}::text[]) AS c(s, h, k, g)
  )
  UPDATE ${AUDIT_HEAD_TABLE} SET seq = $${cp + 5}, hash = $${cp + 6}, key_id = $${cp + 7}, signature = $${cp + 8} WHERE id = 1`;

/** The parameters of AUDIT_INSERT_SQL for rows of values in AUDIT_COLUMNS order. */
export function auditInsertParameters(rows: readonly (readonly unknown[])[]): unknown[][] {
  return AUDIT_COLUMNS.map((column, i) =>
    rows.map((row) => (LIST_COLUMNS.has(column) ? JSON.stringify(row[i] ?? []) : (row[i] ?? null))),
  );
}

/** SQL creating the monthly partition holding `month` (a `YYYY-MM` string) if it is missing. */
export function monthlyPartitionSql(month: string): string {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, "0")}`;
  return `CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE}_${month.replace("-", "_")} PARTITION OF ${AUDIT_TABLE} FOR VALUES FROM ('${month}-01') TO ('${next}-01')`;
}
