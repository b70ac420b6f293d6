/**
 * The one place where an operation is decided before it is planned: collects every field it
 * touches, decides each with the policy engine, and either rejects the operation with one error
 * per denied field (strict) or removes the denied fields and reports them beside the data
 * (partial, R5-2). If the engine cannot decide, nothing is served.
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { ERROR_CODES } from "@hub/contracts";
import type { PolicyDecisionPoint } from "@hub/policies";
import type { Logger } from "pino";
import { collectFields } from "../fields/collectFields";
import type { FieldCatalog } from "../fields/FieldCatalog";
import type { HubContext } from "../HubContext";
import { decideOperation } from "../policy/decideOperation";
import { forbiddenErrors } from "../policy/forbiddenErrors";
import { pruneDocument } from "../policy/pruneDocument";

const refuse = (status: number, errors: GraphQLFormattedError[]) => ({
  http: { status, headers: new HeaderMap() },
  body: { kind: "single" as const, singleResult: { errors } },
});

export function operationGuard(
  catalog: FieldCatalog,
  pdp: PolicyDecisionPoint,
  log: Logger,
): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<HubContext>> {
      return {
        async responseForOperation({ schema, document, operation, operationName, request, contextValue }) {
          if (!operation) {
            // Apollo resolves no operation when operationName names none in the document.
            const message = request.operationName
              ? `The document has no operation named "${request.operationName}".`
              : "The document has several operations: name the one to run (operationName).";
            return refuse(ERROR_CODES.OPERATION_RESOLUTION_FAILURE.status, [
              { message, extensions: { code: "OPERATION_RESOLUTION_FAILURE" } },
            ]);
          }
          const ctx = contextValue;
          ctx.touched = collectFields(schema, catalog, document, operation, request.variables ?? {});
          try {
            ctx.decision = decideOperation(
              pdp,
              {
                principal: ctx.principal,
                purpose: ctx.purpose,
                ...(ctx.authorizationRef ? { authorizationUntil: ctx.authorizationRef.validUntil } : {}),
              },
              ctx.touched,
            );
          } catch (error) {
            log.error({ err: error, requestId: ctx.requestId }, "policy engine failed; nothing served");
            return refuse(ERROR_CODES.POLICY_UNAVAILABLE.status, [
              {
                message: "The policy engine could not decide; nothing is served.",
                extensions: { code: "POLICY_UNAVAILABLE" },
              },
            ]);
          }
          const { denied } = ctx.decision;
          if (denied.length === 0) return null;
          const errors = forbiddenErrors(denied);
          if (ctx.mode === "strict") {
            const unclassified = errors.every((e) => e.extensions?.code === "UNCLASSIFIED_FIELD");
            return refuse((unclassified ? ERROR_CODES.UNCLASSIFIED_FIELD : ERROR_CODES.FORBIDDEN).status, errors);
          }
          const deniedFields = new Set(denied.map((d) => `${d.field.typeName}.${d.field.fieldName}`));
          const pruned = pruneDocument(schema, document, operationName ?? undefined, deniedFields);
          if (!pruned) return refuse(ERROR_CODES.FORBIDDEN.status, errors);
          ctx.pruned = pruned;
          ctx.partialErrors = errors;
          return null;
        },
        async willSendResponse({ response, contextValue }) {
          if (!contextValue.partialErrors?.length || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...contextValue.partialErrors];
        },
      };
    },
  };
}
