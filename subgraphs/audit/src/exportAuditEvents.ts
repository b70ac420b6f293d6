/**
 * Exports a filtered range of the audit log, oldest first: CSV for spreadsheets (the main columns)
 * or JSON Lines (each event whole, in canonical JSON, so a line's hash can be re-computed).
 */
import { GraphQLError } from "graphql";
import { registerEnumType } from "type-graphql";
import type { DataSource } from "typeorm";
import { canonicalJson, identityColumnsOf, type AuditEventContent } from "@hub/contracts";
import type { AuditEventFilter } from "./AuditEventFilter.input";
import type { AuditEventRecord } from "./AuditEventRecord.entity";
import { csvRow } from "./csv";
import { filteredEvents } from "./searchAuditEvents";

export enum ExportFormat {
  CSV = "CSV",
  JSON_LINES = "JSON_LINES",
}
registerEnumType(ExportFormat, {
  name: "ExportFormat",
  description: "CSV (RFC 4180, one row per event, main columns) or JSON Lines (one canonical event per line).",
});

export const EXPORT_LIMIT = 50_000;
const PAGE_SIZE = 5000;

export const CSV_COLUMNS = [
  "seq",
  "id",
  "occurredAt",
  "requestId",
  "subject",
  "agency",
  "role",
  "country",
  "purpose",
  "authorizationRef",
  "outcome",
  "operationName",
  "operationHash",
  "agreements",
  "categories",
  "fieldsDenied",
  "refusals",
  "errorCodes",
  "disclosedPersonRefs",
  "durationMs",
  "policyVersion",
  "releaseAfter",
  "issuer",
  "clientId",
  "tokenId",
  "keyId",
  "onBehalfOf",
  "delegation",
  "binding",
  "authenticationReason",
  "administration",
  "prevHash",
  "hash",
] as const;

const list = (values: readonly string[]) => values.join(";");

/**
 * The caller, a refused login's reason and an operator's action. An event names one issuer and key
 * (a caller's, else those its refused token named, else those administered); the operator is the
 * subject. The administration cell reads `action:result`, with `(reason)` when one was given.
 */
function identityCells(e: AuditEventContent): (string | null)[] {
  const { caller, authentication: refused, administration: done } = e;
  return [
    identityColumnsOf(e).issuer,
    caller?.clientId ?? null,
    caller?.tokenId ?? null,
    caller?.keyId ?? refused?.keyId ?? done?.keyId ?? null,
    caller?.onBehalfOf ?? null,
    caller?.delegation ?? null,
    caller?.binding ?? null,
    refused?.reason ?? null,
    done ? `${done.action}:${done.result}${done.reason ? ` (${done.reason})` : ""}` : null,
  ];
}

export function csvLine(row: AuditEventRecord, e: AuditEventContent): string {
  return csvRow([
    row.seq,
    e.id,
    e.occurredAt,
    e.requestId,
    e.subject,
    e.agency,
    e.role,
    e.country,
    e.purpose,
    e.authorizationRef,
    e.outcome,
    e.operationName,
    e.operationHash,
    list(e.agreements),
    list(e.categories),
    list(e.fieldsDenied.map((f) => (f.rule ? `${f.field}:${f.rule}` : f.field))),
    // `by:rule×count`, for example `migration-service:R5-4×2`; events written before refusals were recorded have none.
    list((e.refusals ?? []).map((r) => `${r.by}:${r.rule}×${r.count}`)),
    list(e.errorCodes),
    list(e.disclosedPersonRefs),
    e.durationMs,
    e.policyVersion,
    e.releaseAfter,
    ...identityCells(e),
    row.prevHash,
    row.hash,
  ]);
}

export const jsonLine = (row: AuditEventRecord, e: AuditEventContent): string =>
  `${canonicalJson({ ...e, seq: row.seq, prevHash: row.prevHash, hash: row.hash })}\n`;

export async function exportAuditEvents(
  db: DataSource,
  filter: AuditEventFilter | null | undefined,
  format: ExportFormat,
  limit = EXPORT_LIMIT,
): Promise<string> {
  // Counted and bounded first: events appended while the export reads do not join it.
  const bounds = await filteredEvents(db, filter)
    .select("COUNT(*)", "count")
    .addSelect("MAX(e.seq)", "last")
    .getRawOne<{ count: string; last: string | null }>();
  const count = Number(bounds?.count ?? 0);
  if (count > limit) {
    throw new GraphQLError(
      `The filter selects ${count} events; an export holds at most ${limit}. Narrow the filter (from, to).`,
      { extensions: { code: "BAD_USER_INPUT" } },
    );
  }
  const parts: string[] = format === ExportFormat.CSV ? [csvRow(CSV_COLUMNS)] : [];
  if (!bounds?.last) return parts.join("");
  const line = format === ExportFormat.CSV ? csvLine : jsonLine;
  let after = 0;
  for (;;) {
    const rows = await filteredEvents(db, filter)
      .andWhere("e.seq > :after", { after })
      .andWhere("e.seq <= :last", { last: Number(bounds.last) })
      .orderBy("e.seq", "ASC")
      .limit(PAGE_SIZE)
      .getMany();
    for (const row of rows) parts.push(line(row, JSON.parse(row.content) as AuditEventContent));
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < PAGE_SIZE) break;
    after = lastRow.seq;
  }
  return parts.join("");
}
