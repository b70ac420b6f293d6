/**
 * Answers schema questions (`__schema`, `__type`) from the caller's filtered schema, so the
 * explorer's docs show only what the caller's agreements can ever allow. An operation that only
 * introspects is answered here; registered before the operation guard, whose response Apollo
 * would otherwise take. An operation that also asks for data takes the normal path (decided,
 * planned, executed), and its schema answers are replaced by the filtered ones before it leaves:
 * the gateway would answer them from the whole API schema.
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from "@apollo/server";
import { execute, Kind, type DocumentNode, type ExecutionResult } from "graphql";
import type { PolicyDecisionPoint } from "@hub/policies";
import type { Logger } from "pino";
import type { FieldCatalog } from "../fields/FieldCatalog";
import type { HubContext } from "../HubContext";
import { introspectionPart } from "./introspectionPart";
import { IntrospectionSchemas } from "./IntrospectionSchemas";
import { isIntrospectionOnly } from "./isIntrospectionOnly";

export function filteredIntrospection(
  catalog: FieldCatalog,
  pdp: PolicyDecisionPoint,
  log: Logger,
): ApolloServerPlugin<HubContext> {
  const schemas = new IntrospectionSchemas(catalog, pdp);
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<HubContext>> {
      /** In an operation that also asks for data: its schema answers, from the filtered schema. */
      let filteredAnswers: { keys: string[]; result: ExecutionResult } | undefined;
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          // An operation name the document lacks: operationGuard answers it.
          if (!operation) return null;
          const only = isIntrospectionOnly(document, operation);
          const part = only ? document : introspectionPart(document, operation);
          if (!part) return null;
          const result = await execute({
            schema: schemas.schemaFor(schema, contextValue.principal),
            document: part,
            operationName: request.operationName ?? null,
            variableValues: request.variables ?? null,
          });
          if (result.errors?.length) {
            log.debug({ requestId: contextValue.requestId, errors: result.errors.length }, "introspection errors");
          }
          if (!only) {
            filteredAnswers = { keys: responseKeys(part), result };
            return null;
          }
          return {
            // As Apollo does: no data at all (variables that do not coerce) is a bad request.
            http: { status: result.data === undefined ? 400 : undefined, headers: new HeaderMap() },
            body: {
              kind: "single",
              singleResult: {
                ...(result.data !== undefined ? { data: result.data } : {}),
                ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
              },
            },
          };
        },
        async willSendResponse({ response }) {
          if (!filteredAnswers || response.body.kind !== "single") return;
          const data = response.body.singleResult.data;
          if (!data) return;
          // Only keys the normal path answered (a field skipped there stays out); never its own answer.
          for (const key of filteredAnswers.keys) {
            if (Object.hasOwn(data, key)) data[key] = filteredAnswers.result.data?.[key] ?? null;
          }
        },
      };
    },
  };
}

/** Response keys of the root fields of a document's (one) operation. */
function responseKeys(document: DocumentNode): string[] {
  return document.definitions.flatMap((def) =>
    def.kind === Kind.OPERATION_DEFINITION
      ? def.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : []))
      : [],
  );
}
