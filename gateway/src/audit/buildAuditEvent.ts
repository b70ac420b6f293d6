/**
 * Builds the audit record of one request from what the gateway decided and answered. Personal
 * values are never stored: string values of variables and string literals of the operation are
 * replaced by a keyed hash, and the disclosed data is named only by personRef and category.
 */
import { createHmac } from "node:crypto";
import { print, visit, type DocumentNode, type GraphQLFormattedError } from "graphql";
import { sha256, type AuditEventContent, type AuditFieldDecision, type AuditOutcome } from "@hub/contracts";
import type { HubContext } from "../HubContext";
import type { FieldDecision } from "../policy/decideOperation";
import { newEventId } from "./AuditWriter";

export type ValueHasher = (value: string) => string;

export function createValueHasher(secret: string): ValueHasher {
  return (value) => `hmac:${createHmac("sha256", secret).update(value).digest("hex").slice(0, 32)}`;
}

function hashStrings(value: unknown, hash: ValueHasher): unknown {
  if (typeof value === "string") return hash(value);
  if (Array.isArray(value)) return value.map((v) => hashStrings(v, hash));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hashStrings(v, hash)]));
  }
  return value ?? null;
}

/** The operation with every string literal hashed, printed in normal form. */
export function normaliseOperation(document: DocumentNode, hash: ValueHasher): string {
  return print(visit(document, { StringValue: (node) => ({ ...node, value: hash(node.value), block: false }) }));
}

const decisionsOf = (list: readonly FieldDecision[]): AuditFieldDecision[] => {
  const seen = new Map<string, AuditFieldDecision>();
  for (const { field, owner, decision } of list) {
    const key = `${field.typeName}.${field.fieldName}|${owner}`;
    if (seen.has(key)) continue;
    seen.set(key, {
      field: `${field.typeName}.${field.fieldName}`,
      category: field.category ?? "UNCLASSIFIED",
      owner,
      policies: decision.policies,
      ...(decision.rule ? { rule: decision.rule } : {}),
    });
  }
  return [...seen.values()];
};

export interface AuditInput {
  context: Partial<HubContext> & { requestId: string };
  startedAt: number;
  document: DocumentNode | undefined;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  errors: readonly GraphQLFormattedError[];
  hasData: boolean;
  policyVersion: string;
  hash: ValueHasher;
}

function outcomeOf(input: AuditInput): AuditOutcome {
  const { context } = input;
  if (!context.decision) return input.errors.length > 0 ? "REJECTED" : "ALLOWED";
  if (context.decision.denied.length > 0) return context.pruned && input.hasData ? "PARTIAL" : "DENIED";
  if (input.errors.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR") && !input.hasData) return "FAILED";
  return "ALLOWED";
}

export function buildAuditEvent(input: AuditInput): AuditEventContent {
  const { context, hash } = input;
  const principal = context.principal;
  const decided = context.decision?.decided ?? [];
  const deniedKeys = new Set(context.decision?.denied.map((d) => `${d.field.typeName}.${d.field.fieldName}`) ?? []);
  const allowed = decided.filter(
    (d) => d.decision.allowed && !deniedKeys.has(`${d.field.typeName}.${d.field.fieldName}`),
  );
  const operationText = input.document ? normaliseOperation(input.document, hash) : null;
  const outcome = outcomeOf(input);
  const disclosed = outcome === "ALLOWED" || outcome === "PARTIAL";
  return {
    id: newEventId(),
    occurredAt: new Date(input.startedAt).toISOString(),
    requestId: context.requestId,
    subject: principal?.subject ?? null,
    agency: principal?.agency ?? null,
    role: principal?.role ?? null,
    country: principal?.country ?? null,
    purpose: context.purpose ?? null,
    authorizationRef: context.authorizationRef
      ? `${context.authorizationRef.reference}@${context.authorizationRef.validUntil}`
      : null,
    agreements: [
      ...new Set(
        (context.decision?.grantingPolicies ?? []).filter((p) => p.startsWith("AGR-")).map((p) => p.split("/")[0] ?? p),
      ),
    ].sort(),
    operationHash: operationText ? sha256(operationText) : null,
    operationText,
    operationName: input.operationName,
    variables: (hashStrings(input.variables ?? {}, hash) ?? {}) as Record<string, unknown>,
    fieldsAllowed: decisionsOf(allowed),
    fieldsDenied: decisionsOf(context.decision?.denied ?? []),
    outcome,
    errorCodes: [...new Set(input.errors.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))].sort(),
    durationMs: Math.round(Date.now() - input.startedAt),
    policyVersion: input.policyVersion,
    disclosedPersonRefs: disclosed ? [...(context.disclosedPersonRefs ?? [])].sort() : [],
    categories: disclosed ? [...new Set(allowed.map((d) => d.field.category ?? "UNCLASSIFIED"))].sort() : [],
    releaseAfter: context.purpose === "CRIMINAL_INVESTIGATION" ? (context.authorizationRef?.validUntil ?? null) : null,
  };
}
