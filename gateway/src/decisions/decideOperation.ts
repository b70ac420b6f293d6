/**
 * The decide stage, run by Apollo once the operation is parsed and within its limits: answers
 * schema questions from the caller's own schema, collects every selection, refuses an operation
 * over the cost limit (computed with the variables applied, operationCost.ts), decides each, and
 * either refuses the operation with one error per denied selection (strict) or removes exactly
 * the denied selections before planning (partial, R5-2). If the engine cannot decide, nothing
 * is served.
 */
import type {
  DocumentNode,
  FormattedExecutionResult,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationDefinitionNode,
} from "graphql";
import { ERROR_CODES } from "@hub/contracts";
import type { PolicyDecisionPoint } from "@hub/policies";
import type { Logger } from "pino";
import type { ExecutionRecorder } from "../execution/ExecutionRecorder";
import type { FieldCatalog } from "../fields/FieldCatalog";
import { answerIntrospection } from "../introspection/answerIntrospection";
import type { IntrospectionSchemas } from "../introspection/IntrospectionSchemas";
import type { Declared } from "../pipeline/stages";
import { collectSelections, OperationTooLargeError, SelectionInputError } from "../selections/collectSelections";
import { decideSelections } from "./decideSelections";
import { forbiddenErrors } from "./forbiddenErrors";
import { operationCost, type CostModel } from "./operationCost";
import { pruneSelections } from "./pruneSelections";

export interface OperationToDecide {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode | null | undefined;
  /** The operation name the request gave (Apollo resolves none when it names no operation). */
  requestedName: string | null;
  variables: Record<string, unknown> | undefined;
  request: Declared;
  recorder: ExecutionRecorder;
}

/** null: go on to planning; otherwise the answer, which ends the operation here. */
export type DecideOutcome = null | { status: number; result: FormattedExecutionResult };

export interface DecideDependencies {
  catalog: FieldCatalog;
  pdp: PolicyDecisionPoint;
  introspection: IntrospectionSchemas;
  log: Logger;
  /** The cost limit (HUB_MAX_COST) and what it assumes of lists. */
  cost: CostModel & { max: number };
}

const refuse = (status: number, errors: GraphQLFormattedError[]): DecideOutcome => ({ status, result: { errors } });

/**
 * Nodes the inlined operation may hold, per unit of the cost limit: every field but `__typename`
 * costs at least 1, and an ordinary operation adds a `__typename` and an inline fragment or two
 * per selection set. Anything far above that is fragments spread over and over (inlinedSize.ts).
 */
const INLINED_NODES_PER_COST = 4;

export function createDecideStage({ catalog, pdp, introspection, log, cost }: DecideDependencies) {
  return async function decide(input: OperationToDecide): Promise<DecideOutcome> {
    const { request, recorder, operation } = input;
    if (!operation) {
      const message = input.requestedName
        ? `The document has no operation named "${input.requestedName}".`
        : "The document has several operations: name the one to run (operationName).";
      return refuse(ERROR_CODES.OPERATION_RESOLUTION_FAILURE.status, [
        { message, extensions: { code: "OPERATION_RESOLUTION_FAILURE" } },
      ]);
    }
    const answer = await answerIntrospection(introspection, {
      schema: input.schema,
      document: input.document,
      operation,
      operationName: operation.name?.value ?? null,
      variables: input.variables,
      principal: request.principal,
    });
    if (answer.kind === "only") {
      // As Apollo does: no data at all (variables that do not coerce) is a bad request.
      const { data, errors } = answer.result;
      return {
        status: data === undefined ? 400 : 200,
        result: {
          ...(data !== undefined ? { data } : {}),
          ...(errors ? { errors: errors.map((e) => e.toJSON()) } : {}),
        },
      };
    }
    if (answer.kind === "part") recorder.introspection = answer;

    let collected;
    try {
      collected = collectSelections(
        input.schema,
        catalog,
        input.document,
        operation,
        input.variables ?? {},
        cost.max * INLINED_NODES_PER_COST,
      );
    } catch (error) {
      if (error instanceof OperationTooLargeError) {
        return refuse(ERROR_CODES.QUERY_TOO_COMPLEX.status, [
          { message: error.message, extensions: { code: "QUERY_TOO_COMPLEX", limit: error.limit } },
        ]);
      }
      if (!(error instanceof SelectionInputError)) throw error;
      return refuse(ERROR_CODES.BAD_USER_INPUT.status, [
        { message: error.message, extensions: { code: "BAD_USER_INPUT" } },
      ]);
    }
    // The cost limit needs the arguments after variables: it is the limit stage's last check, before any decision.
    const estimated = operationCost(input.schema, collected.selections, cost);
    if (estimated > cost.max) {
      return refuse(ERROR_CODES.QUERY_TOO_COMPLEX.status, [
        {
          message: `The operation's estimated cost of ${estimated} exceeds the limit of ${cost.max}.`,
          extensions: { code: "QUERY_TOO_COMPLEX", cost: estimated, limit: cost.max },
        },
      ]);
    }
    recorder.selections = collected.selections;
    try {
      recorder.verdict = decideSelections(
        pdp,
        {
          principal: request.principal,
          purpose: request.purpose,
          ...(request.authorizationRef ? { authorizationUntil: request.authorizationRef.validUntil } : {}),
        },
        collected.selections,
      );
    } catch (error) {
      log.error({ err: error, requestId: request.requestId }, "policy engine failed; nothing served");
      return refuse(ERROR_CODES.POLICY_UNAVAILABLE.status, [
        {
          message: "The policy engine could not decide; nothing is served.",
          extensions: { code: "POLICY_UNAVAILABLE" },
        },
      ]);
    }
    const { denied } = recorder.verdict;
    if (denied.length === 0) return null;
    const errors = forbiddenErrors(denied);
    if (request.mode === "strict") {
      const unclassified = errors.every((e) => e.extensions.code === "UNCLASSIFIED_FIELD");
      return refuse((unclassified ? ERROR_CODES.UNCLASSIFIED_FIELD : ERROR_CODES.FORBIDDEN).status, errors);
    }
    const pruned = pruneSelections(collected.operation, new Set(denied.map((d) => d.selection.node)));
    if (!pruned) return refuse(ERROR_CODES.FORBIDDEN.status, errors);
    recorder.pruned = pruned;
    recorder.partialErrors = errors;
    return null;
  };
}

export type DecideStage = ReturnType<typeof createDecideStage>;
