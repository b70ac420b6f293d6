/**
 * Times each call a data source makes to its subgraph and counts the failed ones, by wrapping the
 * data source's hooks from outside, so that whatever fetcher and hooks it was built with stay as
 * they are. A call is timed from when its request is ready (hub-context token signed) to its
 * answer or failure.
 */
import { performance } from "node:perf_hooks";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { ERROR_CODES } from "@hub/contracts";
import type { ExecutionContext } from "../execution/ExecutionRecorder";
import type { HubMetrics } from "./hubMetrics";

/** An answer's errors that are not a registered refusal (FORBIDDEN, ...): the subgraph failed. */
function hasUnexpectedError(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): boolean {
  return (errors ?? []).some((e) => {
    const code = e.extensions?.code;
    return typeof code !== "string" || code === "INTERNAL_SERVER_ERROR" || !Object.hasOwn(ERROR_CODES, code);
  });
}

export function observeSubgraphCalls(
  subgraph: string,
  source: RemoteGraphQLDataSource<ExecutionContext>,
  metrics: HubMetrics,
): RemoteGraphQLDataSource<ExecutionContext> {
  // Keyed by the request's http object: Apollo copies the request between hooks but keeps that one.
  const started = new WeakMap<object, number>();
  const willSendRequest = source.willSendRequest?.bind(source);
  const didReceiveResponse = source.didReceiveResponse?.bind(source);
  const didEncounterError = source.didEncounterError.bind(source);
  source.willSendRequest = async (options) => {
    await willSendRequest?.(options);
    if (options.request.http) started.set(options.request.http, performance.now());
  };
  source.didReceiveResponse = async (requestContext) => {
    const at = requestContext.request.http ? started.get(requestContext.request.http) : undefined;
    if (at !== undefined) {
      metrics.subgraphCall(subgraph, at, hasUnexpectedError(requestContext.response.errors) ? "internal" : undefined);
    }
    return didReceiveResponse ? didReceiveResponse(requestContext) : requestContext.response;
  };
  source.didEncounterError = (error, fetchRequest, fetchResponse, context, request) => {
    const at = request?.http ? started.get(request.http) : undefined;
    metrics.subgraphCall(subgraph, at ?? performance.now(), "unavailable");
    return didEncounterError(error, fetchRequest, fetchResponse, context, request);
  };
  return source;
}

/** A subgraph's data source, observed when there are metrics. */
export function observedSubgraphs(metrics: HubMetrics | undefined) {
  return (
    subgraph: string,
    source: RemoteGraphQLDataSource<ExecutionContext>,
  ): RemoteGraphQLDataSource<ExecutionContext> => (metrics ? observeSubgraphCalls(subgraph, source, metrics) : source);
}
