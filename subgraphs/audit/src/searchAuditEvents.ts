/** Searching the audit log: filtered, newest first, in pages addressed by opaque cursors. */
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import type { AuditEventConnection } from "./AuditEventConnection.type";
import { applyFilter, type AuditEventFilter } from "./AuditEventFilter.input";
import { AuditEventRecord } from "./AuditEventRecord.entity";
import { toAuditEvent } from "./AuditEvent.type";

const CURSOR_PREFIX = "audit-event:";

export const encodeCursor = (seq: number) => Buffer.from(`${CURSOR_PREFIX}${seq}`).toString("base64url");

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString();
  const seq = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(seq) || seq < 1) {
    throw new GraphQLError("after is not a cursor of this list", { extensions: { code: "BAD_USER_INPUT" } });
  }
  return seq;
}

export const filteredEvents = (db: DataSource, filter: AuditEventFilter | null | undefined) =>
  applyFilter(db.getRepository(AuditEventRecord).createQueryBuilder("e"), filter);

export async function searchAuditEvents(
  db: DataSource,
  filter: AuditEventFilter | null | undefined,
  first: number,
  after?: string | null,
): Promise<AuditEventConnection> {
  const query = filteredEvents(db, filter);
  if (after) query.andWhere("e.seq < :after", { after: decodeCursor(after) });
  const rows = await query
    .orderBy("e.seq", "DESC")
    .limit(first + 1)
    .getMany();
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.seq), node: toAuditEvent(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    filter: filter ?? null,
  };
}

export const countAuditEvents = (db: DataSource, filter: AuditEventFilter | null | undefined): Promise<number> =>
  filteredEvents(db, filter).getCount();
