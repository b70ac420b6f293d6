/**
 * The values that flow through the gateway's request pipeline, one type per stage. Each stage
 * takes one of them and returns the next, or a `Refused` that goes straight to the audit stage.
 */
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import type { ErrorCode, Principal, Purpose, WithheldReport } from "@hub/contracts";
import type { CallerProvenance } from "../auth/verifyToken";
import type { AuthorizationRef } from "../purpose/authorizationRef";
import type { Verdict } from "../decisions/decideSelections";
import type { Selection } from "../selections/collectSelections";

export type StageName = "receive" | "authenticate" | "declare" | "limit" | "decide" | "execute" | "audit";

/** strict (default): any denied selection rejects the operation; partial: denied selections are removed (R5-2). */
export type DisclosureMode = "strict" | "partial";

/** A GraphQL request as it arrived, its body read and parsed. */
export interface Received {
  readonly requestId: string;
  /** Epoch milliseconds when the request arrived. */
  readonly startedAt: number;
  readonly method: "GET" | "POST";
  /** Request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The query string (GET requests carry the operation there). */
  readonly search: string;
  /** The parsed JSON body of a POST: one operation, never a batch. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The operation name the caller gave, if it is a plausible one (for the audit record). */
  readonly operationName: string | null;
}

export interface Authenticated extends Received {
  readonly principal: Principal;
  /** Who called, as the verified token says: issuer, client, token and key ids, the officer it acts for. */
  readonly caller: CallerProvenance;
}

/** Why the authenticate stage refused, for the audit record (never the token itself). */
export interface AuthenticationFailure {
  readonly reason: string;
  /** The trusted issuer and key id the token named, when it named one. */
  readonly issuer: string | null;
  readonly keyId: string | null;
}

export interface Declared extends Authenticated {
  readonly purpose: Purpose;
  readonly authorizationRef?: AuthorizationRef;
  readonly mode: DisclosureMode;
}

/** What the subgraphs reported beside their data: whose data they disclosed, and what they withheld. */
export interface SubgraphReports {
  readonly disclosedPersonRefs: readonly string[];
  readonly withheld: readonly (WithheldReport & { subgraph: string })[];
}

/** An operation that was parsed, limited, decided and (unless refused) planned and executed. */
export interface Executed extends Declared {
  readonly kind: "executed";
  readonly document: DocumentNode | undefined;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  readonly selections: readonly Selection[];
  readonly verdict: Verdict | undefined;
  /** Partial mode removed denied selections before planning. */
  readonly pruned: boolean;
  readonly status: number;
  readonly result: {
    readonly data?: Readonly<Record<string, unknown>> | null;
    readonly errors?: readonly GraphQLFormattedError[];
    /** `provenance`: the agencies' signatures of the data (execution/collectProvenance.ts). */
    readonly extensions?: Readonly<Record<string, unknown>>;
  };
  readonly reports: SubgraphReports;
}

/** A request refused before its operation ran, with whatever was known of it by then. */
export interface Refused {
  readonly kind: "refused";
  readonly stage: StageName;
  readonly status: number;
  readonly errors: readonly GraphQLFormattedError[];
  readonly known: Received & Partial<Pick<Declared, "principal" | "caller" | "authorizationRef">>;
  /** Set when the authenticate stage refused. */
  readonly authentication?: AuthenticationFailure;
  /** Response headers the refusal carries (Retry-After, WWW-Authenticate). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type Finished = Executed | Refused;

/**
 * The answer that leaves the gateway, after its audit record is durable. Only a request refused
 * before it was read (a client address over its rate limit) has no request id: it has no record.
 */
export interface Answer {
  readonly requestId: string | undefined;
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export const isRefused = (value: object): value is Refused => (value as { kind?: string }).kind === "refused";

/** A refusal from a registered error code and its status. */
export function refusal(
  stage: StageName,
  known: Refused["known"],
  code: ErrorCode,
  status: number,
  message: string,
  extensions: Record<string, unknown> = {},
): Refused {
  return { kind: "refused", stage, status, errors: [{ message, extensions: { ...extensions, code } }], known };
}
