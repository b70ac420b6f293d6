/**
 * The audit record: one per request, allowed or denied (R7-2, R9-1, R10-3). It names who asked,
 * for what, what was decided and whose data left, never the disclosed values themselves.
 */
import type { AuditSuspension } from "./AuditSuspension";

/** ADMINISTERED: not a request but an operator's action on the gateway (AuditAdministration), or the alarm's suspension of a caller (AuditSuspension). */
export type AuditOutcome = "ALLOWED" | "PARTIAL" | "DENIED" | "REJECTED" | "FAILED" | "ADMINISTERED";

export interface AuditFieldDecision {
  /** `Type.field` */
  field: string;
  category: string;
  owner: string;
  /** Policies that decided: granting agreements, or the forbidding rules. */
  policies: string[];
  rule?: string;
  /** Decided as an unkeyed root list of personal data (R5-3); absent when not, in records with decisionInputs. */
  unkeyedList?: boolean;
}

/**
 * A refusal that is not a denied selection: a request refused by a rule before its operation ran
 * (a purpose, R5-1), or records a subgraph withheld (R7-2), counted per rule and path.
 */
export interface AuditRefusal {
  /** `gateway`, or the subgraph that withheld the records. */
  by: string;
  rule: string;
  article: string;
  category: string | null;
  owner: string | null;
  /** How many records (1 for a request-level refusal). */
  count: number;
  /** Response path in the subgraph's answer (entity fetches start at `_entities`); empty for the request. */
  path: (string | number)[];
  /** Not named to the caller, because naming it would disclose (R14-3). */
  silent: boolean;
  /** Whose records were withheld, when the subgraph knows (so a subject access report can tell, R9-1). */
  personRefs?: string[];
}

/** Who called, as the verified identity token says (absent when no token verified). */
export interface AuditCaller {
  /** The token's `iss`, one of the configured issuers. */
  issuer: string;
  /** The OAuth client the token was issued to (`client_id`, or `azp`), when it names one. */
  clientId: string | null;
  /** The token's `jti`. */
  tokenId: string | null;
  /** The `kid` of the key that signed the token. */
  keyId: string | null;
  /** The officer the calling system acts for. */
  onBehalfOf: string | null;
  /** Where `onBehalfOf` came from: the RFC 8693 `act` claim, or a configured officer claim. */
  delegation: "act" | "claim" | null;
  /** A bearer token, or one bound to a key whose DPoP proof was verified (RFC 9449). */
  binding: "bearer" | "dpop";
}

/**
 * Why the authenticate stage refused (REJECTED events with the error code UNAUTHENTICATED or
 * AUTHENTICATION_UNAVAILABLE). `reason` is a stable code (authenticationReasons.ts); the issuer and
 * key id are recorded only when they are a configured issuer's, never an arbitrary unverified value.
 */
export interface AuditAuthentication {
  reason: string;
  issuer: string | null;
  keyId: string | null;
}

/** An operator's action on the gateway's trust in identity provider keys. */
export interface AuditAdministration {
  action: "refresh-keys" | "distrust-key";
  issuer: string;
  keyId: string | null;
  /** Why, as the operator gave it. */
  reason: string | null;
  /** Who (the operator's name; also the event's subject). */
  operator: string;
  /** What came of it, for example `refreshed: 3 keys` or `distrusted`. */
  result: string;
}

/** What the gateway knows of a request; the chain adds `seq`, `prevHash` and `hash`. */
export interface AuditEventContent {
  /** UUID of the event. */
  id: string;
  /** ISO 8601 UTC with milliseconds. */
  occurredAt: string;
  requestId: string;
  /** W3C trace id of the request's trace (32 hex digits), when the gateway traces (OpenTelemetry). */
  traceId?: string;
  subject: string | null;
  agency: string | null;
  role: string | null;
  country: string | null;
  purpose: string | null;
  authorizationRef: string | null;
  /** Agreement ids whose permits granted the disclosed fields. */
  agreements: string[];
  /** SHA-256 of the normalised operation text. */
  operationHash: string | null;
  /** The operation, normalised (printed from its parsed form); null when it did not parse. */
  operationText: string | null;
  operationName: string | null;
  /** Variables with every string value replaced by its keyed hash. */
  variables: Record<string, unknown>;
  fieldsAllowed: AuditFieldDecision[];
  fieldsDenied: AuditFieldDecision[];
  /** Refusals beside the denied fields: the request's own, and records withheld by subgraphs. */
  refusals: AuditRefusal[];
  outcome: AuditOutcome;
  errorCodes: string[];
  durationMs: number;
  /** Version hash of policies, agreements, regimes and country (R10-3). */
  policyVersion: string;
  /** personRefs whose records were disclosed in the response (R9-1). */
  disclosedPersonRefs: string[];
  /** Data categories of the fields that came back with a value (not those merely asked for). */
  categories: string[];
  /** Disclosures under CRIMINAL_INVESTIGATION stay out of subject access reports until then (R9-1). */
  releaseAfter: string | null;
  /**
   * What the decisions needed beside the caller and the fields, so that a replay re-decides with
   * the same inputs: the token's purposes (sorted) and the day the decisions were made (UTC).
   */
  decisionInputs?: { purposes: string[]; decidedOn: string };
  /** Optional, like every field added after the first events, so that older events still verify. */
  caller?: AuditCaller;
  authentication?: AuditAuthentication;
  /** Only on ADMINISTERED events, whose purpose and agency are null and whose subject is the operator. */
  administration?: AuditAdministration;
  /** Only on the ADMINISTERED event of a suspension by the anomaly alarm (R7-3), whose subject and agency are the suspended caller's. */
  suspension?: AuditSuspension;
}

export interface AuditEvent extends AuditEventContent {
  /** Position in the chain, 1, 2, 3 … */
  seq: number;
  /** Hash of the previous event (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 of prevHash and this event's canonical content. */
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);
