/**
 * The `rule_ids` search column of an audit row: the rules its refusals name. The gateway writes it
 * and the verifier recomputes it from the row's content, so both must derive it the same way.
 */
import type { AuditEventContent } from "./AuditEvent";

/** Distinct rule ids of the event's refusals, sorted. */
export function ruleIdsOf(content: Pick<AuditEventContent, "fieldsDenied">): string[] {
  const rules = content.fieldsDenied.flatMap((f) => (f.rule ? [f.rule] : []));
  return [...new Set(rules)].sort();
}
