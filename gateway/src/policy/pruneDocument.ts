/**
 * Partial mode (R5-2): removes denied fields from the operation before it is planned, so their
 * data never leaves its agency. A selection left empty is removed with its field, and fragments
 * left empty or unused are dropped.
 */
import {
  getNamedType,
  Kind,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

export interface PrunedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  source: string;
}

const isEmptySelection = (node: { selectionSet?: { selections: readonly unknown[] } }) =>
  node.selectionSet !== undefined && node.selectionSet.selections.length === 0;

/** Returns null when nothing of the operation is left to execute. */
export function pruneDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  denied: ReadonlySet<string>,
): PrunedOperation | null {
  const typeInfo = new TypeInfo(schema);
  let current = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const parent = typeInfo.getParentType();
        return parent && denied.has(`${getNamedType(parent).name}.${node.name.value}`) ? null : undefined;
      },
    }),
  );
  // Removing a field can empty its parent's selection, and so on upwards: repeat until stable.
  for (let changed = true; changed;) {
    changed = false;
    // Spreads of fragments that are empty, or were removed in the previous pass, go too.
    const liveFragments = new Set(
      current.definitions
        .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION && !isEmptySelection(d))
        .map((d) => (d as { name: { value: string } }).name.value),
    );
    const next: DocumentNode = visit(current, {
      Field: { leave: (node: FieldNode) => (isEmptySelection(node) ? null : undefined) },
      InlineFragment: { leave: (node) => (isEmptySelection(node) ? null : undefined) },
      FragmentSpread: (node) => (liveFragments.has(node.name.value) ? undefined : null),
      FragmentDefinition: { leave: (node) => (isEmptySelection(node) ? null : undefined) },
    });
    if (print(next) !== print(current)) {
      current = next;
      changed = true;
    }
  }
  const used = new Set<string>();
  visit(current, { FragmentSpread: (node) => void used.add(node.name.value) });
  current = {
    ...current,
    definitions: current.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION || used.has(d.name.value)),
  };
  const operation = current.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (operationName ? d.name?.value === operationName : true),
  );
  if (!operation || isEmptySelection(operation)) return null;
  return { document: current, operation, source: print(current as ASTNode) };
}
