/**
 * Builds the audit record of one finished request (R7-2) from what the pipeline knows of it: a
 * refusal with whatever was known by then, or an executed operation with its verdict, what the
 * subgraphs withheld and what actually came back. Personal values are never stored: string and
 * number values of variables and literals of the operation are replaced by a keyed hash, and
 * disclosed data is named only by personRef and category.
 */
import { createHmac } from "node:crypto";
import { isSpanContextValid, trace } from "@opentelemetry/api";
import { Kind, print, visit, type DocumentNode, type GraphQLFormattedError } from "graphql";
import {
  sha256,
  type AuditAdministration,
  type AuditEventContent,
  type AuditFieldDecision,
  type AuditOutcome,
  type AuditRefusal,
} from "@hub/contracts";
import type { SelectionVerdict } from "../decisions/decideSelections";
import type { Selection } from "../selections/collectSelections";
import type { Executed, Finished, Refused } from "../pipeline/stages";
import { purposeAsked } from "../purpose/declarePurpose";
import { hasValueAt } from "./hasValueAt";
import { newEventId } from "./AuditWriter";

export type ValueHasher = (value: string) => string;

export function createValueHasher(secret: string): ValueHasher {
  return (value) => `hmac:${createHmac("sha256", secret).update(value).digest("hex").slice(0, 32)}`;
}

/** Every string and number hashed: a number may be an identifier too (an ID, a national id). */
function hashStrings(value: unknown, hash: ValueHasher): unknown {
  if (typeof value === "string") return hash(value);
  if (typeof value === "number") return hash(String(value));
  if (Array.isArray(value)) return value.map((v) => hashStrings(v, hash));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hashStrings(v, hash)]));
  }
  return value ?? null;
}

/**
 * The operation with every string and number literal replaced by its keyed hash (as a string),
 * printed in normal form: an ID or a national id may be written as a number.
 */
export function normaliseOperation(document: DocumentNode, hash: ValueHasher): string {
  return normalisedOf(document, hash).text;
}

/**
 * Normal forms and their hashes per hasher and document: Apollo hands the same parsed document for
 * the same query text, and printing it again for every request was a cost of the audit stage.
 */
const normalised = new WeakMap<ValueHasher, WeakMap<DocumentNode, { text: string; hash: string }>>();

function normalisedOf(document: DocumentNode, hash: ValueHasher): { text: string; hash: string } {
  let byDocument = normalised.get(hash);
  if (!byDocument) normalised.set(hash, (byDocument = new WeakMap()));
  let entry = byDocument.get(document);
  if (!entry) {
    const text = printNormalised(document, hash);
    entry = { text, hash: sha256(text) };
    byDocument.set(document, entry);
  }
  return entry;
}

function printNormalised(document: DocumentNode, hash: ValueHasher): string {
  const hashed = (value: string) => ({ kind: Kind.STRING, value: hash(value), block: false }) as const;
  return print(
    visit(document, {
      StringValue: (node) => hashed(node.value),
      IntValue: (node) => hashed(node.value),
      FloatValue: (node) => hashed(node.value),
    }),
  );
}

const decisionsOf = (list: readonly SelectionVerdict[]): AuditFieldDecision[] => {
  const seen = new Map<string, AuditFieldDecision>();
  for (const { selection, owner, decision, unkeyedList } of list) {
    const field = `${selection.typeName}.${selection.fieldName}`;
    const key = `${field}|${owner}|${decision.rule ?? ""}|${unkeyedList}`;
    if (seen.has(key)) continue;
    seen.set(key, {
      field,
      category: selection.category ?? "UNCLASSIFIED",
      owner,
      policies: decision.policies,
      ...(decision.rule ? { rule: decision.rule } : {}),
      ...(unkeyedList ? { unkeyedList: true } : {}),
    });
  }
  return [...seen.values()];
};

const codesOf = (errors: readonly GraphQLFormattedError[]) =>
  [...new Set(errors.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))].sort();

const agreementsOf = (policies: Iterable<string>) =>
  [...new Set([...policies].filter((p) => p.startsWith("AGR-")).map((p) => p.split("/")[0] ?? p))].sort();

export interface AuditSettings {
  policyVersion: string;
  hash: ValueHasher;
  now?: () => number;
}

type Base = Pick<
  AuditEventContent,
  | "id"
  | "occurredAt"
  | "requestId"
  | "traceId"
  | "subject"
  | "agency"
  | "role"
  | "country"
  | "operationName"
  | "policyVersion"
  | "caller"
>;

/** The trace the request is part of, when tracing is on; without an SDK there is no active span. */
function traceIdOfRequest(): Pick<AuditEventContent, "traceId"> {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { traceId: span.traceId } : {};
}

function baseOf(known: Refused["known"] | Executed, settings: AuditSettings): Base {
  const principal = known.principal;
  return {
    ...(known.caller ? { caller: { ...known.caller } } : {}),
    id: newEventId(),
    occurredAt: new Date(known.startedAt).toISOString(),
    requestId: known.requestId,
    ...traceIdOfRequest(),
    subject: principal?.subject ?? null,
    agency: principal?.agency ?? null,
    role: principal?.role ?? null,
    country: principal?.country ?? null,
    operationName: known.operationName,
    policyVersion: settings.policyVersion,
  };
}

function refusedEvent(refused: Refused, settings: AuditSettings): AuditEventContent {
  const { known } = refused;
  const refusals: AuditRefusal[] = refused.errors.flatMap((e) => {
    const rule = e.extensions?.rule;
    return typeof rule === "string"
      ? [
          {
            by: "gateway",
            rule,
            article: String(e.extensions?.article ?? ""),
            category: null,
            owner: null,
            count: 1,
            path: [],
            silent: false,
          },
        ]
      : [];
  });
  return {
    ...baseOf(known, settings),
    ...(refused.authentication ? { authentication: { ...refused.authentication } } : {}),
    // The purpose asked for is kept even when it was refused (R5-1).
    purpose: purposeAsked(known.headers),
    authorizationRef: known.authorizationRef
      ? `${known.authorizationRef.reference}@${known.authorizationRef.validUntil}`
      : null,
    agreements: [],
    operationHash: null,
    operationText: null,
    variables: {},
    fieldsAllowed: [],
    fieldsDenied: [],
    refusals,
    outcome: refused.errors.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR") ? "FAILED" : "REJECTED",
    errorCodes: codesOf(refused.errors),
    durationMs: Math.round((settings.now ?? Date.now)() - known.startedAt),
    disclosedPersonRefs: [],
    categories: [],
    releaseAfter: null,
  };
}

function outcomeOf(executed: Executed, returned: readonly SelectionVerdict[]): AuditOutcome {
  const refusedSomething = (executed.verdict?.denied.length ?? 0) > 0 || executed.reports.withheld.length > 0;
  if (refusedSomething) return returned.length > 0 ? "PARTIAL" : "DENIED";
  const errors = executed.result.errors ?? [];
  const hasData = executed.result.data !== undefined && executed.result.data !== null;
  if (!executed.verdict) return errors.length > 0 && !hasData ? "REJECTED" : "ALLOWED";
  if (!hasData && errors.length > 0) return "FAILED";
  return "ALLOWED";
}

function executedEvent(executed: Executed, settings: AuditSettings): AuditEventContent {
  const { hash } = settings;
  const verdicts = executed.verdict?.verdicts ?? [];
  const deniedSelections = new Set((executed.verdict?.denied ?? []).map((v) => v.selection));
  const removed = (selection: Selection): boolean =>
    selection.parent !== undefined && (deniedSelections.has(selection.parent) || removed(selection.parent));
  // An allowed selection under a denied one went with it (partial mode) or was never run (strict).
  const allowed = verdicts.filter((v) => v.decision.allowed && !removed(v.selection));
  // What came back with a value: the categories and agreements of those, not of what was asked for.
  const returned = allowed.filter((v) => hasValueAt(executed.result.data, v.selection.path));
  const outcome = outcomeOf(executed, returned);
  const disclosed = outcome === "ALLOWED" || outcome === "PARTIAL";
  const operation = executed.document ? normalisedOf(executed.document, hash) : null;
  return {
    ...baseOf(executed, settings),
    purpose: executed.purpose,
    authorizationRef: executed.authorizationRef
      ? `${executed.authorizationRef.reference}@${executed.authorizationRef.validUntil}`
      : null,
    agreements: agreementsOf(returned.flatMap((v) => v.decision.policies)),
    operationHash: operation?.hash ?? null,
    operationText: operation?.text ?? null,
    variables: (hashStrings(executed.variables ?? {}, hash) ?? {}) as Record<string, unknown>,
    fieldsAllowed: decisionsOf(allowed),
    fieldsDenied: decisionsOf(executed.verdict?.denied ?? []),
    refusals: executed.reports.withheld.map((w) => ({
      by: w.subgraph,
      rule: w.rule,
      article: w.article,
      category: w.category,
      owner: w.owner,
      count: w.count,
      path: [...w.path],
      silent: w.silent,
      ...(w.personRefs ? { personRefs: [...w.personRefs] } : {}),
    })),
    outcome,
    errorCodes: codesOf(executed.result.errors ?? []),
    durationMs: Math.round((settings.now ?? Date.now)() - executed.startedAt),
    disclosedPersonRefs: disclosed ? [...executed.reports.disclosedPersonRefs].sort() : [],
    categories: disclosed ? [...new Set(returned.map((v) => v.selection.category ?? "UNCLASSIFIED"))].sort() : [],
    releaseAfter:
      executed.purpose === "CRIMINAL_INVESTIGATION" ? (executed.authorizationRef?.validUntil ?? null) : null,
    ...(executed.verdict
      ? {
          decisionInputs: {
            purposes: [...executed.principal.purposes].sort(),
            decidedOn: executed.verdict.decidedOn,
          },
        }
      : {}),
  };
}

export function buildAuditEvent(finished: Finished, settings: AuditSettings): AuditEventContent {
  return finished.kind === "refused" ? refusedEvent(finished, settings) : executedEvent(finished, settings);
}

/** An operator's command on the gateway's trust in identity provider keys. */
export type Administration = Omit<AuditAdministration, "result">;

/** Who and what an event of the hub's own act (not a request) names; the rest of it is empty. */
export type OwnActEvent = Pick<
  AuditEventContent,
  "id" | "requestId" | "subject" | "agency" | "role" | "country" | "operationName" | "policyVersion"
> & { now: number };

/**
 * An `ADMINISTERED` event: an operator's command or the alarm's suspension. No operation ran, no
 * purpose was declared and nothing was disclosed; the caller adds what was done.
 */
export function ownActEvent({ now, ...names }: OwnActEvent): AuditEventContent {
  return {
    ...names,
    occurredAt: new Date(now).toISOString(),
    purpose: null,
    authorizationRef: null,
    agreements: [],
    operationHash: null,
    operationText: null,
    variables: {},
    fieldsAllowed: [],
    fieldsDenied: [],
    refusals: [],
    outcome: "ADMINISTERED",
    errorCodes: [],
    durationMs: 0,
    disclosedPersonRefs: [],
    categories: [],
    releaseAfter: null,
  };
}

/** The record of an operator's command: no request, no purpose, no personal data; the operator is its subject. */
export function administrationEvent(
  administration: AuditAdministration,
  eventId: string,
  settings: AuditSettings,
): AuditEventContent {
  return {
    ...ownActEvent({
      id: eventId,
      now: (settings.now ?? Date.now)(),
      requestId: `admin-${eventId}`,
      subject: administration.operator,
      agency: null,
      role: "operator",
      country: null,
      operationName: `identity.${administration.action}`,
      policyVersion: settings.policyVersion,
    }),
    administration: { ...administration },
  };
}
