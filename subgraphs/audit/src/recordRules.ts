/**
 * The audit subgraph's record rules: the whole log is the hub operator's AUDIT data, decided with
 * the same policies as the gateway (RA-1), so a call that reached this subgraph without the right
 * principal and purpose still gets nothing; and under SUBJECT_ACCESS a disclosure under a criminal
 * investigation stays hidden until its release date, in the raw log as in the subject access
 * report (R9-1), silently, since naming it would disclose the investigation.
 */
import { today } from "@hub/kit";
import type { AuditEventFilter } from "./AuditEventFilter.input";
import type { AuditEventRecord } from "./AuditEventRecord.entity";
import type { Context } from "./loaders";

/** The day up to which events are released to this caller; undefined when all are. */
function releasedBy(ctx: Context): string | undefined {
  return ctx.hub.purpose === "SUBJECT_ACCESS" ? today() : undefined;
}

/** The caller's filter, with the events this caller may not yet see left out (R9-1). */
export function releasedOnly(ctx: Context, filter: AuditEventFilter | null | undefined): AuditEventFilter | undefined {
  const day = releasedBy(ctx);
  if (!day) return filter ?? undefined;
  return { ...filter, releasedBy: day };
}

/** One event, or null when it is not yet released to this caller (R9-1). */
export function released(ctx: Context, row: AuditEventRecord | null | undefined): AuditEventRecord | null {
  if (!row) return null;
  const day = releasedBy(ctx);
  return day && row.releaseAfter && row.releaseAfter.slice(0, 10) > day ? null : row;
}

export function authorise(ctx: Context): void {
  // A denial throws FORBIDDEN; a silent one (R14-3, never AUDIT data) would still serve nothing.
  if (!ctx.guard.field("AUDIT", {})) throw new Error("the audit log is not served to this caller");
}
