/**
 * The limit, decide, and plan-and-execute stages, as Apollo Server runs them for one declared
 * request: it parses within the token limit, validates with the depth, alias, directive and cost
 * limits, calls the decide stage (hubPlugin), and plans and executes with Apollo Gateway
 * (HubGateway). What it recorded becomes one immutable `Executed`; a response the pipeline does
 * not handle is refused, never passed through.
 */
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ANSWER_PROVENANCE_EXTENSION, ERROR_CODES } from "@hub/contracts";
import { withFilteredAnswers } from "../introspection/answerIntrospection";
import { outageStatus } from "../outages/outageStatus";
import { type Declared, type Executed, type Refused, refusal } from "../pipeline/stages";
import { answerProvenance } from "./collectProvenance";
import { ExecutionRecorder, type ExecutionContext } from "./ExecutionRecorder";

/** Headers Apollo reads: content type, CSRF preflight markers; the pipeline answers JSON only. */
const PASSED_HEADERS = ["content-type", "apollo-require-preflight", "x-apollo-operation-name"];

function apolloHeaders(request: Declared): HeaderMap {
  const headers = new HeaderMap();
  for (const name of PASSED_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined) headers.set(name, value);
  }
  headers.set("accept", "application/json");
  return headers;
}

/**
 * Apollo's `stringifyResult`: a result with data is one the recorder holds (willSendResponse) and
 * the pipeline answers and audits itself, so Apollo's serialisation of it would be thrown away;
 * only errors Apollo answers on its own (a request it refused before any operation ran) are
 * serialised, for `errorsOfBody` to read.
 */
export function stringifyUnrecorded(result: { data?: unknown }): string {
  return result.data !== undefined ? "" : JSON.stringify(result);
}

/** Apollo's own answer to a request it refused before any operation ran (its body is JSON errors). */
function errorsOfBody(body: string): GraphQLFormattedError[] | undefined {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    if (parsed.data !== undefined || !Array.isArray(parsed.errors)) return undefined;
    return parsed.errors as GraphQLFormattedError[];
  } catch {
    return undefined;
  }
}

export async function executeOperation(
  server: ApolloServer<ExecutionContext>,
  request: Declared,
  log: Logger,
): Promise<Executed | Refused> {
  const recorder = new ExecutionRecorder();
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: request.method,
      headers: apolloHeaders(request),
      search: request.search,
      body: request.body ?? {},
    },
    context: async () => ({ request, recorder }),
  });
  const unhandled = (message: string) =>
    refusal("execute", request, "INTERNAL_SERVER_ERROR", ERROR_CODES.INTERNAL_SERVER_ERROR.status, message);
  if (recorder.unsupported || response.body.kind !== "complete") {
    return refusal(
      "execute",
      request,
      "BAD_REQUEST",
      ERROR_CODES.BAD_REQUEST.status,
      "The hub answers one complete result per request; incremental delivery is not supported.",
    );
  }
  if (recorder.unreadableReports.length > 0) {
    // A subgraph's account of what it withheld cannot be read: its data cannot be audited truthfully.
    log.error({ requestId: request.requestId, subgraphs: recorder.unreadableReports }, "unreadable withheld report");
    return unhandled("Internal server error");
  }
  const result = recorder.result;
  if (!result) {
    const errors = errorsOfBody(response.body.string);
    if (!errors) {
      log.error({ requestId: request.requestId, status: response.status }, "unhandled response shape refused");
      return unhandled("Internal server error");
    }
    return { ...refusal("execute", request, "BAD_REQUEST", response.status ?? 400, ""), errors };
  }
  const data = result.data !== undefined ? withFilteredAnswers(result.data, recorder.introspection) : undefined;
  const provenance = answerProvenance(request.requestId, data, recorder.signedParts);
  return {
    ...request,
    kind: "executed",
    operationName: recorder.operationName ?? request.operationName,
    document: recorder.document,
    variables: recorder.variables,
    selections: recorder.selections,
    verdict: recorder.verdict,
    pruned: recorder.pruned !== undefined,
    status: outageStatus(result, response.status ?? 200),
    result: {
      ...(data !== undefined ? { data } : {}),
      ...(result.errors?.length || recorder.partialErrors.length
        ? { errors: [...(result.errors ?? []), ...recorder.partialErrors] }
        : {}),
      ...(provenance ? { extensions: { [ANSWER_PROVENANCE_EXTENSION]: provenance } } : {}),
    },
    reports: { disclosedPersonRefs: [...recorder.disclosedPersonRefs], withheld: [...recorder.withheld] },
  };
}
