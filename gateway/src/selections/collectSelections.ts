/**
 * Lists every selection an operation makes, each where it answers in the response: through named
 * fragments (inlined first, so a fragment spread in two places yields two selections), inline
 * fragments, aliases, abstract types and nested entities, with the argument values the
 * subgraphs will see once variables and defaults are applied. Selections that `@skip` or
 * `@include` leave out are not selections.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { fieldKey, type FieldCatalog, type FieldInfo } from "../fields/FieldCatalog";
import { inlineFragments } from "./inlineFragments";
import { inlinedSize } from "./inlinedSize";
import { inputProblem } from "./inputProblem";

export interface Selection extends FieldInfo {
  /** This selection's node in the inlined operation: one node, one place in the response. */
  node: FieldNode;
  typeName: string;
  fieldName: string;
  /** Response path by response keys (aliases), e.g. ["person", "trips", "crossingPoint"]. */
  path: readonly string[];
  /** A field of the operation's root type (an entry point). */
  isRoot: boolean;
  /** The field returns a list. */
  isList: boolean;
  /** Argument values after variables and defaults are applied. */
  arguments: Readonly<Record<string, unknown>>;
  /** The selection this one is nested in (none at the root): a denied parent takes its children along. */
  parent: Selection | undefined;
}

export interface CollectedOperation {
  /** The operation with every fragment inlined. */
  operation: OperationDefinitionNode;
  selections: readonly Selection[];
  variables: Readonly<Record<string, unknown>>;
}

/** Variables that do not coerce, or arguments that cannot be read: the caller's input error. */
export class SelectionInputError extends Error {}

/** An operation whose fragments, inlined, would hold more nodes than allowed (inlinedSize.ts). */
export class OperationTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`The operation holds ${size} selections once its fragments are inlined, more than the limit of ${limit}.`);
  }
}

const included = (node: FieldNode | InlineFragmentNode, variables: Record<string, unknown>) =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

export function collectSelections(
  schema: GraphQLSchema,
  catalog: FieldCatalog,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Readonly<Record<string, unknown>> = {},
  maxInlinedNodes = Number.POSITIVE_INFINITY,
): CollectedOperation {
  const size = inlinedSize(document, operation);
  if (size > maxInlinedNodes) throw new OperationTooLargeError(size, maxInlinedNodes);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  if (coerced.errors) throw new SelectionInputError(coerced.errors[0]?.message ?? "invalid variables");
  const variables = coerced.coerced;
  const inlined = inlineFragments(document, operation);
  const root = schema.getRootType(operation.operation);
  const selections: Selection[] = [];

  const visit = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    path: readonly string[],
    owner: Selection | undefined,
  ) => {
    for (const node of set.selections) {
      if (node.kind === Kind.INLINE_FRAGMENT) {
        if (!included(node, variables)) continue;
        const condition = node.typeCondition ? typeFromAST(schema, node.typeCondition) : parent;
        if (condition && isCompositeType(condition)) visit(node.selectionSet, condition, path, owner);
        continue;
      }
      if (node.kind !== Kind.FIELD || !included(node, variables)) continue;
      const name = node.name.value;
      if (name.startsWith("__")) continue; // __typename and schema questions are not data
      const fieldPath = [...path, node.alias?.value ?? name];
      const fieldDef = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      let args: Record<string, unknown> = {};
      if (fieldDef) {
        try {
          args = getArgumentValues(fieldDef, node, variables);
        } catch (error) {
          throw new SelectionInputError(error instanceof GraphQLError ? error.message : "invalid arguments");
        }
        for (const arg of fieldDef.args) {
          const problem = inputProblem(arg.type, args[arg.name]);
          if (problem) throw new SelectionInputError(`Argument "${arg.name}" of "${name}": ${problem}.`);
        }
      }
      const info = catalog.get(fieldKey(parent.name, name)) ?? { category: null, owners: [] };
      const selection: Selection = {
        ...info,
        node,
        typeName: parent.name,
        fieldName: name,
        path: fieldPath,
        isRoot: parent === root,
        isList: fieldDef ? isListType(getNullableType(fieldDef.type)) : false,
        arguments: args,
        parent: owner,
      };
      selections.push(selection);
      const child = fieldDef ? getNamedType(fieldDef.type) : undefined;
      if (node.selectionSet && child && isCompositeType(child)) visit(node.selectionSet, child, fieldPath, selection);
    }
  };
  if (root) visit(inlined.selectionSet, root, [], undefined);
  return { operation: inlined, selections, variables };
}
