/**
 * Stores one pull in one transaction: its record, then for each indicator-year the cells as
 * served, replacing what an earlier pull stored for it. A failure stores nothing.
 */
import type { DataSource } from "typeorm";
import { bulkInsert } from "@hub/kit";
import type { SourceCell } from "./sourceTable";

export interface PulledTable {
  indicatorCode: string;
  cells: readonly SourceCell[];
  requestId: string;
}

export interface StoredPull {
  pullId: number;
  pulledAt: Date;
  cells: number;
}

/** Pulls take turns: two at once would both delete and then both insert the same cells. */
const PULL_LOCK = 0x50524f46; // "PROF"

export async function storePull(
  db: DataSource,
  pull: { templateId: string; year: number; tables: readonly PulledTable[] },
): Promise<StoredPull> {
  const cells = pull.tables.reduce((n, t) => n + t.cells.length, 0);
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [PULL_LOCK]);
    const [row] = (await tx.query(
      `INSERT INTO profile_pull (template_id, year, pulled_at, indicators, cells, request_ids)
       VALUES ($1, $2, now(), $3, $4, $5) RETURNING id, pulled_at`,
      [pull.templateId, pull.year, pull.tables.length, cells, pull.tables.map((t) => t.requestId)],
    )) as { id: number; pulled_at: Date }[];
    if (!row) throw new Error("the pull's record was not written");
    for (const table of pull.tables) {
      await tx.query("DELETE FROM observation WHERE indicator_code = $1 AND year = $2", [
        table.indicatorCode,
        pull.year,
      ]);
      await bulkInsert(
        tx,
        "observation",
        [
          ...["pull_id", "indicator_code", "position", "year", "sex", "age", "citizenship"],
          ...["region", "month", "breakdown", "value", "flag"],
        ],
        table.cells.map((c, position) => [
          ...[row.id, table.indicatorCode, position, pull.year, c.sex, c.age, c.citizenship],
          ...[c.region, c.month, c.breakdown, c.value, c.flag],
        ]),
      );
    }
    return { pullId: row.id, pulledAt: row.pulled_at, cells };
  });
}
