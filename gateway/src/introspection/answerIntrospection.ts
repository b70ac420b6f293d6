/**
 * Answers schema questions (`__schema`, `__type`) from the caller's filtered schema, so the
 * explorer's docs show only what the caller's agreements can ever allow. An operation that only
 * introspects is answered here, by the decide stage. An operation that also asks for data takes
 * the normal path (decided, planned, executed), and its schema answers are replaced by the
 * filtered ones before it leaves: the gateway would answer them from the whole API schema.
 */
import { execute, Kind, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Principal } from "@hub/contracts";
import { introspectionPart } from "./introspectionPart";
import type { IntrospectionSchemas } from "./IntrospectionSchemas";
import { isIntrospectionOnly } from "./isIntrospectionOnly";

export interface IntrospectionQuestion {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: Parameters<typeof isIntrospectionOnly>[1];
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  principal: Principal;
}

export type IntrospectionAnswer =
  | { kind: "none" }
  /** The whole answer: the operation asks nothing else. */
  | { kind: "only"; result: ExecutionResult }
  /** The answers of these root response keys, to put in place of the gateway's. */
  | { kind: "part"; keys: string[]; result: ExecutionResult };

export async function answerIntrospection(
  schemas: IntrospectionSchemas,
  question: IntrospectionQuestion,
): Promise<IntrospectionAnswer> {
  const only = isIntrospectionOnly(question.document, question.operation);
  const part = only ? question.document : introspectionPart(question.document, question.operation);
  if (!part) return { kind: "none" };
  const result = await execute({
    schema: schemas.schemaFor(question.schema, question.principal),
    document: part,
    operationName: question.operationName,
    variableValues: question.variables ?? null,
  });
  return only ? { kind: "only", result } : { kind: "part", keys: responseKeys(part), result };
}

/** Puts the filtered schema answers in place of the gateway's: only keys the normal path answered. */
export function withFilteredAnswers(
  data: Record<string, unknown> | null | undefined,
  answer: { keys: readonly string[]; result: ExecutionResult } | undefined,
): Record<string, unknown> | null | undefined {
  if (!answer || !data) return data;
  const replaced = { ...data };
  for (const key of answer.keys) {
    if (Object.hasOwn(replaced, key)) replaced[key] = answer.result.data?.[key] ?? null;
  }
  return replaced;
}

/** Response keys of the root fields of a document's (one) operation. */
function responseKeys(document: DocumentNode): string[] {
  return document.definitions.flatMap((def) =>
    def.kind === Kind.OPERATION_DEFINITION
      ? def.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : []))
      : [],
  );
}
