/**
 * One audit row's values in AUDIT_COLUMNS order, from the event and its place in the chain: every
 * writer builds its rows here, so that a search column added later is written by all of them.
 */
import type { AuditEventContent } from "./AuditEvent";
import { identityColumnsOf } from "./identityColumns";
import { ruleIdsOf } from "./ruleIds";

export interface ChainedContent {
  seq: number;
  content: AuditEventContent;
  /** The content's canonical JSON, exactly as hashed. */
  text: string;
  prevHash: string;
  hash: string;
}

export function auditRowOf({ seq, content, text, prevHash, hash }: ChainedContent): unknown[] {
  const identity = identityColumnsOf(content);
  return [
    seq,
    content.id,
    content.occurredAt,
    text,
    prevHash,
    hash,
    content.requestId,
    content.subject,
    content.agency,
    content.role,
    content.purpose,
    content.outcome,
    ruleIdsOf(content),
    content.disclosedPersonRefs,
    content.categories,
    content.releaseAfter,
    identity.issuer,
    identity.clientId,
    identity.authReason,
  ];
}
