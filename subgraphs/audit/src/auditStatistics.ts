/**
 * Aggregates the audit log for charts: one row per time bucket, agency and purpose, with the
 * requests counted by outcome (and operators' actions beside them), computed in the database so that the console never pages through
 * events to draw a month.
 */
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import type { AuditEventFilter } from "./AuditEventFilter.input";
import { AuditStatisticsInterval, type AuditStatisticsBucket } from "./AuditStatistics.type";
import { filteredEvents } from "./searchAuditEvents";

/** More rows than a chart can show is the caller's error: narrow the range or take days. */
export const STATISTICS_LIMIT = 10_000;

const TRUNCATE: Record<AuditStatisticsInterval, string> = {
  [AuditStatisticsInterval.DAY]: "day",
  [AuditStatisticsInterval.HOUR]: "hour",
};

interface Row {
  start: Date;
  agency: string | null;
  purpose: string | null;
  requests: string;
  allowed: string;
  partial: string;
  denied: string;
  rejected: string;
  failed: string;
  administered: string;
}

const count = (outcome: string) => `COUNT(*) FILTER (WHERE e.outcome = '${outcome}')`;

export async function auditStatistics(
  db: DataSource,
  filter: AuditEventFilter | null | undefined,
  interval: AuditStatisticsInterval,
  limit = STATISTICS_LIMIT,
): Promise<AuditStatisticsBucket[]> {
  // Truncated in UTC, whatever the session's time zone, so that buckets mean the same everywhere.
  const bucket = `date_trunc('${TRUNCATE[interval]}', e.occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
  const rows = await filteredEvents(db, filter)
    .select(bucket, "start")
    .addSelect("e.agency", "agency")
    .addSelect("e.purpose", "purpose")
    // An operator's action is no request: counted beside them, never among them.
    .addSelect("COUNT(*) FILTER (WHERE e.outcome <> 'ADMINISTERED')", "requests")
    .addSelect(count("ALLOWED"), "allowed")
    .addSelect(count("PARTIAL"), "partial")
    .addSelect(count("DENIED"), "denied")
    .addSelect(count("REJECTED"), "rejected")
    .addSelect(count("FAILED"), "failed")
    .addSelect(count("ADMINISTERED"), "administered")
    .groupBy(bucket)
    .addGroupBy("e.agency")
    .addGroupBy("e.purpose")
    .orderBy(bucket, "ASC")
    .addOrderBy("e.agency", "ASC", "NULLS LAST")
    .addOrderBy("e.purpose", "ASC", "NULLS LAST")
    .limit(limit + 1)
    .getRawMany<Row>();
  if (rows.length > limit) {
    throw new GraphQLError(
      `The statistics have more than ${limit} buckets. Narrow the filter (from, to) or use DAY buckets.`,
      { extensions: { code: "BAD_USER_INPUT" } },
    );
  }
  return rows.map((r) => ({
    start: new Date(r.start),
    agency: r.agency,
    purpose: r.purpose,
    requests: Number(r.requests),
    allowed: Number(r.allowed),
    partial: Number(r.partial),
    denied: Number(r.denied),
    rejected: Number(r.rejected),
    failed: Number(r.failed),
    administered: Number(r.administered),
  }));
}
