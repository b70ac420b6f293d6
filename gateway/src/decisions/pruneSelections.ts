/**
 * Partial mode (R5-2): removes exactly the denied selections from the inlined operation before it
 * is planned, so their data never leaves its agency, and keeps every allowed one (an allowed
 * alias of a denied field included). A selection set left empty goes with its field, and
 * variables no longer used go with it.
 */
import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type InlineFragmentNode,
  type OperationDefinitionNode,
} from "graphql";

export interface PrunedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  source: string;
}

const empty = (node: FieldNode | InlineFragmentNode) =>
  node.selectionSet !== undefined && node.selectionSet.selections.length === 0;

/** Returns null when nothing of the operation is left to execute. */
export function pruneSelections(
  operation: OperationDefinitionNode,
  denied: ReadonlySet<FieldNode>,
): PrunedOperation | null {
  const pruned: OperationDefinitionNode = visit(operation, {
    Field: {
      enter: (node) => (denied.has(node) ? null : undefined),
      leave: (node) => (empty(node) ? null : undefined),
    },
    InlineFragment: { leave: (node) => (empty(node) ? null : undefined) },
  });
  if (pruned.selectionSet.selections.length === 0) return null;
  const used = new Set<string>();
  visit(pruned.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  const withVariables: OperationDefinitionNode = {
    ...pruned,
    variableDefinitions: (pruned.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value)),
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [withVariables] };
  return { document, operation: withVariables, source: print(document) };
}
