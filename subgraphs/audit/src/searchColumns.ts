/**
 * The search columns of an audit row, derived from its content. The gateway writes them this way
 * and verification recomputes them, so a row whose columns were edited (to hide it from a search,
 * or from a subject access report) is named even though its content still matches its hash.
 */
import { identityColumnsOf, ruleIdsOf, type AuditEventContent } from "@hub/contracts";

export interface SearchColumns {
  id: string;
  occurredAt: string;
  requestId: string;
  subject: string | null;
  agency: string | null;
  role: string | null;
  purpose: string | null;
  outcome: string;
  /** The rules the event's refusals name (contracts' `ruleIdsOf`, as the gateway writes them). */
  ruleIds: string[];
  personRefs: string[];
  categories: string[];
  /** YYYY-MM-DD */
  releaseAfter: string | null;
  /** contracts' `identityColumnsOf`, as the gateway writes them. */
  issuer: string | null;
  clientId: string | null;
  authReason: string | null;
}

const distinctSorted = (values: readonly string[]) => [...new Set(values)].sort();

export function searchColumnsOf(content: AuditEventContent): SearchColumns {
  return {
    id: content.id,
    occurredAt: content.occurredAt,
    requestId: content.requestId,
    subject: content.subject,
    agency: content.agency,
    role: content.role,
    purpose: content.purpose,
    outcome: content.outcome,
    ruleIds: ruleIdsOf(content),
    personRefs: distinctSorted(content.disclosedPersonRefs),
    categories: distinctSorted(content.categories),
    releaseAfter: content.releaseAfter ? content.releaseAfter.slice(0, 10) : null,
    ...identityColumnsOf(content),
  };
}

/** What a stored row holds in its search columns (as read from the database). */
export interface StoredColumns {
  id: string;
  occurredAt: Date;
  requestId: string;
  subject: string | null;
  agency: string | null;
  role: string | null;
  purpose: string | null;
  outcome: string;
  ruleIds: string[];
  personRefs: string[];
  categories: string[];
  releaseAfter: string | null;
  issuer: string | null;
  clientId: string | null;
  authReason: string | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = distinctSorted(a);
  const y = distinctSorted(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The first search column (by its SQL name) whose value differs from the content's, or null. */
export function columnDisagreeing(stored: StoredColumns, content: AuditEventContent): string | null {
  const expected = searchColumnsOf(content);
  const checks: [string, boolean][] = [
    ["id", stored.id.toLowerCase() === expected.id.toLowerCase()],
    ["occurred_at", stored.occurredAt.getTime() === Date.parse(expected.occurredAt)],
    ["request_id", stored.requestId === expected.requestId],
    ["subject", stored.subject === expected.subject],
    ["agency", stored.agency === expected.agency],
    ["role", stored.role === expected.role],
    ["purpose", stored.purpose === expected.purpose],
    ["outcome", stored.outcome === expected.outcome],
    ["rule_ids", sameSet(stored.ruleIds, expected.ruleIds)],
    ["person_refs", sameSet(stored.personRefs, expected.personRefs)],
    ["categories", sameSet(stored.categories, expected.categories)],
    ["release_after", stored.releaseAfter === expected.releaseAfter],
    ["issuer", stored.issuer === expected.issuer],
    ["client_id", stored.clientId === expected.clientId],
    ["auth_reason", stored.authReason === expected.authReason],
  ];
  return checks.find(([, same]) => !same)?.[0] ?? null;
}
