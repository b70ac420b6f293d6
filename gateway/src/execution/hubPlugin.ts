/**
 * The one plugin Apollo Server runs: it hands the parsed, validated operation to the pipeline's
 * decide stage and records what Apollo is about to send, for the pipeline to audit and answer.
 * Nothing here depends on the order of other plugins: there are none.
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from "@apollo/server";
import type { DecideStage } from "../decisions/decideOperation";
import type { ExecutionContext } from "./ExecutionRecorder";

export function hubPlugin(decide: DecideStage): ApolloServerPlugin<ExecutionContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<ExecutionContext>> {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          const outcome = await decide({
            schema,
            document,
            operation,
            requestedName: request.operationName ?? null,
            variables: request.variables,
            request: contextValue.request,
            recorder: contextValue.recorder,
          });
          if (!outcome) return null;
          return {
            http: { status: outcome.status, headers: new HeaderMap() },
            body: { kind: "single", singleResult: outcome.result },
          };
        },
        async willSendResponse({ response, contextValue, document, request, operationName }) {
          const { recorder } = contextValue;
          recorder.document = document;
          recorder.operationName = operationName ?? null;
          recorder.variables = request.variables;
          if (response.body.kind === "single") recorder.result = response.body.singleResult;
          else recorder.unsupported = "incremental delivery";
        },
      };
    },
  };
}
