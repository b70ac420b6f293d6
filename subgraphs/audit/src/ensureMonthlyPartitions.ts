/**
 * Keeps a partition of the audit table ready for this month and the next two, so that appends land
 * in monthly partitions (which can be archived or dropped whole) rather than in the default one.
 */
import type { DataSource } from "typeorm";
import { AUDIT_CHAIN_LOCK_SQL, AUDIT_TABLE, monthlyPartitionSql } from "@hub/contracts";

export const PARTITION_MONTHS_AHEAD = 2;

/** `YYYY-MM` of `date` plus `offset` months, in UTC. */
export function monthOf(date: Date, offset = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}

export async function ensureMonthlyPartitions(db: DataSource, now: Date = new Date()): Promise<void> {
  for (let offset = 0; offset <= PARTITION_MONTHS_AHEAD; offset += 1) {
    await ensurePartition(db, monthOf(now, offset), monthOf(now, offset + 1));
  }
}

async function ensurePartition(db: DataSource, month: string, nextMonth: string): Promise<void> {
  const name = `${AUDIT_TABLE}_${month.replace("-", "_")}`;
  const [found] = (await db.query("SELECT to_regclass($1) AS existing", [name])) as { existing: string | null }[];
  if (found?.existing) return;
  const from = `${month}-01`;
  const to = `${nextMonth}-01`;
  await db.transaction(async (m) => {
    // The gateways append under this lock; holding it, no event can arrive while rows move.
    await m.query(AUDIT_CHAIN_LOCK_SQL);
    // Rows of this month already in the default partition (the process did not run at the month's
    // start) would make the new partition's creation fail: they move into it, unchanged.
    const range = `occurred_at >= '${from}' AND occurred_at < '${to}'`;
    const waiting = (await m.query(`SELECT 1 FROM ${AUDIT_TABLE}_default WHERE ${range} LIMIT 1`)) as unknown[];
    if (waiting.length > 0) {
      await m.query(`CREATE TEMP TABLE audit_event_moving ON COMMIT DROP AS
        SELECT * FROM ${AUDIT_TABLE}_default WHERE ${range}`);
      await m.query(`DELETE FROM ${AUDIT_TABLE}_default WHERE ${range}`);
    }
    await m.query(monthlyPartitionSql(month));
    if (waiting.length > 0) await m.query(`INSERT INTO ${AUDIT_TABLE} SELECT * FROM audit_event_moving`);
  });
}
