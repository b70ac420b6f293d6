/**
 * The registry of error codes a client of the hub can receive in `extensions.code`.
 * `docs/errors.md` is generated from it (`npm run docs:errors`) and a test keeps it current.
 */

export interface ErrorCodeInfo {
  /** HTTP status of a response whose only error is this one. */
  readonly status: number;
  readonly description: string;
}

export const ERROR_CODES = {
  UNAUTHENTICATED: {
    status: 401,
    description:
      "No access token, or one that fails verification: issuer, signature, key id, algorithm, audience, type, expiry, claims, scopes or DPoP proof. `extensions.reason` says which, in the vocabulary of docs/audit.md, and the answer carries a WWW-Authenticate challenge. Subgraphs answer it to any call without a valid hub-context token from the gateway signed for that subgraph and that operation.",
  },
  AUTHENTICATION_UNAVAILABLE: {
    status: 503,
    description:
      "The identity provider's keys cannot be obtained (never fetched, or cached past HUB_KEYS_STALE_SECONDS while it cannot be reached), or the store of used DPoP proofs does not answer, so no token can be verified; nothing is served until they can (fail closed).",
  },
  PURPOSE_REQUIRED: {
    status: 400,
    description:
      "The request has no `X-Purpose` header, or its value is not one of the closed list of purposes. Names `rule` R5-1 and its `article`; the audit record keeps the purpose asked for.",
  },
  PURPOSE_NOT_ALLOWED: {
    status: 403,
    description:
      "The declared purpose is on the list but the caller's token does not allow it. Names `rule` R5-1 and its `article`; the audit record keeps the purpose asked for.",
  },
  FORBIDDEN: {
    status: 403,
    description:
      "A field the operation touches is not disclosed to this caller for this purpose. One error per field, with `path`, the deciding `rule`, its `article`, the `reason`, the field's `category` and `owner`, and a `hint`. In partial mode (`X-Hub-Partial: true`) these errors accompany the allowed data. A subgraph answers the same code, with `rule`, `article` and `reason`: for records a record rule withholds (R5-4, R6-1, ...; at a list's path with `withheld`, the number of records left out, or at a single record's path, which is then null); for a special-category field that one record's facts deny (a minor's biometric data, R6-1-minors) while the rest of the record is served; and for a blank, wildcard or malformed key or a list of persons selected by no key (R5-3, with `key` and `problem`). Refusals under R14-3 are not reported to the caller.",
  },
  AUTHORIZATION_REF_INVALID: {
    status: 400,
    description: "The `X-Authorization-Ref` header is not of the form `<reference>@<YYYY-MM-DD>`.",
  },
  AUDIT_UNAVAILABLE: {
    status: 503,
    description:
      "The audit log cannot be written, so no data is served (R7-2); or the anomaly alarm's suspensions cannot be read from the audit store, so none is served either (R7-3). The gateway recovers by itself when the audit store returns; retry shortly.",
  },
  SUBGRAPH_UNAVAILABLE: {
    status: 503,
    description:
      "One agency's service did not answer in time (down, unreachable, answering 5xx, or slower than its `HUB_SUBGRAPH_TIMEOUT_MS`). The other agencies' data is still served: the error stands beside it, with `subgraph`, the `agency` it serves and its `agencyName`, and `paths`, the response paths it would have filled (`@` stands for every item of a list); `path` is set when there is one such path without a list. The answer is HTTP 200 when other data came back, 503 when nothing did; retry shortly.",
  },
  POLICY_UNAVAILABLE: {
    status: 503,
    description: "The policy engine could not decide; nothing is served until it can (fail closed).",
  },
  UNCLASSIFIED_FIELD: {
    status: 403,
    description:
      "The operation touches a field that carries no data category; such a field is never served (R10-1). This is a defect of the schema, to report to the hub operator.",
  },
  QUERY_TOO_COMPLEX: {
    status: 400,
    description:
      "The operation exceeds a limit checked before any work: depth, aliases, directives, tokens or estimated cost (HUB_MAX_* settings). The cost is estimated with the request's variables and their defaults applied (docs/architecture.md); a cost refusal carries `cost` and `limit`. The refusal is audited.",
  },
  RATE_LIMITED: {
    status: 429,
    description:
      "The caller spent its request budget: per agency, per subject, or per client address (HUB_RATE_LIMIT_* settings). Carries `rule` (`agency`, `subject` or `address`), `limit`, `durationSeconds` and `retryAfterSeconds`; the `Retry-After` header gives the seconds to wait. Audited, except a client address's refusal, which is answered before the request is read and carries no request id (docs/decisions/0007-rate-limits.md).",
  },
  ACCOUNT_SUSPENDED: {
    status: 403,
    description:
      "The caller, or its whole agency, is suspended: its disclosures of special-category and identity data crossed a ceiling or its own history (R7-3, HUB_ALARM_* settings). Carries `rule` R7-3, its `article`, `scope` (`SUBJECT` or `AGENCY`) and `suspensionId`. Every request is refused, audited, until the data-protection officer lifts the suspension (docs/policies.md, R7-3).",
  },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    description: "The operation is not valid GraphQL syntax.",
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    description: "The operation does not match the schema.",
  },
  BAD_USER_INPUT: {
    status: 400,
    description: "An argument or variable has an invalid value (for example a page size out of range).",
  },
  BAD_REQUEST: {
    status: 400,
    description:
      "The HTTP request itself is malformed (no operation, wrong content type, invalid JSON, a batch of several operations). The refusal is audited.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    description: "The request body is larger than the gateway accepts (`HUB_MAX_BODY_BYTES`). The refusal is audited.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    description:
      "GraphQL requests are sent with POST, or GET for queries; any other HTTP method, and a mutation sent with GET, is refused.",
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    description: "The operation name does not match an operation in the document.",
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    description:
      "Something unexpected failed. The message never carries internal details; the request id in the logs leads to them.",
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Renders the registry as the Markdown page `docs/errors.md`. */
export function renderErrorCodesMarkdown(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, info]) => `| \`${code}\` | ${info.status} | ${info.description} |`,
  );
  return [
    "# Error codes",
    "",
    "Every error the hub returns carries one of these codes in `extensions.code`.",
    "Generated from `contracts/src/errors.ts` by `npm run docs:errors`; do not edit by hand.",
    "",
    "| code | HTTP status | meaning |",
    "|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
