/**
 * The `rule_ids` search column of an audit row: the rules its refusals name, those of denied
 * fields and those beside them (a refused purpose, records withheld by a subgraph). The gateway
 * writes it and the verifier recomputes it from the row's content, so both derive it here.
 */
import type { AuditEventContent } from "./AuditEvent";

/** Distinct rule ids of the event's refusals, sorted. Events written before `refusals` existed have none. */
export function ruleIdsOf(
  content: Pick<AuditEventContent, "fieldsDenied"> & { refusals?: AuditEventContent["refusals"] },
): string[] {
  const rules = [
    ...content.fieldsDenied.flatMap((f) => (f.rule ? [f.rule] : [])),
    ...(content.refusals ?? []).map((r) => r.rule),
  ];
  return [...new Set(rules)].sort();
}
