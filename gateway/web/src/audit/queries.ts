/** The audit subgraph's operations the console sends, and the shapes of their answers. */

export type Outcome = "ALLOWED" | "PARTIAL" | "DENIED" | "REJECTED" | "FAILED" | "ADMINISTERED";
export const OUTCOMES: readonly Outcome[] = ["ALLOWED", "PARTIAL", "DENIED", "REJECTED", "FAILED", "ADMINISTERED"];

/** The `AuditEventFilter` input: every given filter must match. */
export interface AuditEventFilter {
  from?: string;
  to?: string;
  agency?: string;
  purpose?: string;
  outcome?: string;
  ruleId?: string;
  personRef?: string;
  issuer?: string;
  clientId?: string;
  authenticationReason?: string;
}

export interface FieldDecision {
  field: string;
  category: string;
  owner: string;
  policies: string[];
  rule: string | null;
}

/** A refusal beside the denied fields: a request's own (a purpose), or records a subgraph withheld. */
export interface Refusal {
  by: string;
  rule: string;
  article: string;
  category: string | null;
  owner: string | null;
  count: number;
  path: string[];
  silent: boolean;
}

/** Who called, as the verified identity token says (the subgraph's enums: ACT | CLAIM, BEARER | DPOP). */
export interface Caller {
  issuer: string;
  clientId: string | null;
  tokenId: string | null;
  keyId: string | null;
  onBehalfOf: string | null;
  delegation: "ACT" | "CLAIM" | null;
  binding: "BEARER" | "DPOP";
}

/** Why authentication refused the request. */
export interface Authentication {
  reason: string;
  issuer: string | null;
  keyId: string | null;
}

/** An operator's action on the gateway's trust in an identity provider's keys. */
export interface Administration {
  action: "REFRESH_KEYS" | "DISTRUST_KEY";
  issuer: string;
  keyId: string | null;
  reason: string | null;
  operator: string;
  result: string;
}

/** One row of the timeline. */
export interface AuditEventSummary {
  id: string;
  seq: number;
  occurredAt: string;
  subject: string | null;
  agency: string | null;
  role: string | null;
  purpose: string | null;
  outcome: Outcome;
  operationName: string | null;
  agreements: string[];
  fieldsDenied: Pick<FieldDecision, "field" | "rule">[];
  refusals: Pick<Refusal, "by" | "rule" | "count" | "silent">[];
  authentication: Pick<Authentication, "reason"> | null;
  administration: Pick<Administration, "action" | "keyId"> | null;
}

export interface AuditEventDetail extends AuditEventSummary {
  requestId: string;
  country: string | null;
  authorizationRef: string | null;
  operationHash: string | null;
  operationText: string | null;
  variables: string;
  fieldsAllowed: FieldDecision[];
  fieldsDenied: FieldDecision[];
  refusals: Refusal[];
  errorCodes: string[];
  durationMs: number;
  policyVersion: string;
  categories: string[];
  disclosedPersonRefs: string[];
  releaseAfter: string | null;
  prevHash: string;
  hash: string;
  caller: Caller | null;
  authentication: Authentication | null;
  administration: Administration | null;
}

export interface AuditEventsPage {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: AuditEventSummary }[];
  };
}

export const AUDIT_EVENTS = /* GraphQL */ `
  query AuditConsoleTimeline($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          seq
          occurredAt
          subject
          agency
          role
          purpose
          outcome
          operationName
          agreements
          fieldsDenied {
            field
            rule
          }
          refusals {
            by
            rule
            count
            silent
          }
          authentication {
            reason
          }
          administration {
            action
            keyId
          }
        }
      }
    }
  }
`;

const DECISION = "field category owner policies rule";

export const AUDIT_EVENT = /* GraphQL */ `
  query AuditConsoleEvent($id: ID!) {
    auditEvent(id: $id) {
      id
      seq
      occurredAt
      requestId
      subject
      agency
      role
      country
      purpose
      authorizationRef
      outcome
      agreements
      operationName
      operationHash
      operationText
      variables
      fieldsAllowed { ${DECISION} }
      fieldsDenied { ${DECISION} }
      refusals { by rule article category owner count path silent }
      errorCodes
      durationMs
      policyVersion
      categories
      disclosedPersonRefs
      releaseAfter
      prevHash
      hash
      caller { issuer clientId tokenId keyId onBehalfOf delegation binding }
      authentication { reason issuer keyId }
      administration { action issuer keyId reason operator result }
    }
  }
`;

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  firstBroken: { seq: number; id: string | null; reason: string } | null;
}

export const VERIFY_CHAIN = /* GraphQL */ `
  query AuditConsoleVerify($from: DateTimeISO, $to: DateTimeISO) {
    verifyAuditChain(from: $from, to: $to) {
      valid
      eventsChecked
      checkpointsChecked
      firstBroken {
        seq
        id
        reason
      }
    }
  }
`;

export type Bucket = "HOUR" | "DAY";

export interface StatisticsBucket {
  start: string;
  agency: string | null;
  purpose: string | null;
  requests: number;
  allowed: number;
  partial: number;
  denied: number;
  rejected: number;
  failed: number;
}

export const STATISTICS = /* GraphQL */ `
  query AuditConsoleStatistics($filter: AuditEventFilter, $bucket: AuditStatisticsInterval!) {
    auditStatistics(filter: $filter, bucket: $bucket) {
      start
      agency
      purpose
      requests
      allowed
      partial
      denied
      rejected
      failed
    }
  }
`;

export const EXPORT_CSV = /* GraphQL */ `
  query AuditConsoleExport($filter: AuditEventFilter) {
    exportAuditEvents(filter: $filter, format: CSV)
  }
`;

export interface SubjectAccessReport {
  personRef: string;
  generatedAt: string;
  disclosures: {
    occurredAt: string;
    agency: string | null;
    country: string | null;
    authority: string | null;
    authorityName: string | null;
    role: string | null;
    purpose: string | null;
    categories: string[];
    agreements: { id: string; title: string | null; provider: string | null; legalBasis: string | null }[];
    legalBasis: string[];
  }[];
}

export const SUBJECT_ACCESS_REPORT = /* GraphQL */ `
  query AuditConsoleSubjectAccess($personRef: ID!) {
    subjectAccessReport(personRef: $personRef) {
      personRef
      generatedAt
      disclosures {
        occurredAt
        agency
        country
        authority
        authorityName
        role
        purpose
        categories
        agreements {
          id
          title
          provider
          legalBasis
        }
        legalBasis
      }
    }
  }
`;
