/**
 * Rewrites an operation so that every named fragment spread becomes an inline fragment with the
 * same type condition and directives. Each spread gets its own copy of the fragment's fields, so
 * every field node of the result stands for exactly one place in the response: a selection can
 * then be decided, and removed, where it occurs without touching the same fragment elsewhere.
 * Apollo hands the same parsed document for the same query text, so each operation is inlined
 * once; nothing changes a syntax tree in place (graphql's visit copies), so the result is shared.
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

const inlined = new WeakMap<OperationDefinitionNode, OperationDefinitionNode>();

export function inlineFragments(document: DocumentNode, operation: OperationDefinitionNode): OperationDefinitionNode {
  let result = inlined.get(operation);
  if (!result) {
    result = inlineOperation(document, operation);
    inlined.set(operation, result);
  }
  return result;
}

function inlineOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationDefinitionNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const inlineSet = (set: SelectionSetNode, seen: ReadonlySet<string>): SelectionSetNode => ({
    ...set,
    selections: set.selections.flatMap((selection): SelectionNode[] => {
      switch (selection.kind) {
        case Kind.FIELD:
          return [
            {
              ...selection,
              ...(selection.selectionSet ? { selectionSet: inlineSet(selection.selectionSet, seen) } : {}),
            },
          ];
        case Kind.INLINE_FRAGMENT:
          return [{ ...selection, selectionSet: inlineSet(selection.selectionSet, seen) }];
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // Validation rejects unknown and cyclic spreads before this runs; a cycle here selects nothing.
          if (!fragment || seen.has(name)) return [];
          const inline: InlineFragmentNode = {
            kind: Kind.INLINE_FRAGMENT,
            typeCondition: fragment.typeCondition,
            // A fragment definition's own directives are not valid on an inline fragment; the spread's are.
            directives: selection.directives ?? [],
            selectionSet: inlineSet(fragment.selectionSet, new Set([...seen, name])),
          };
          return [inline];
        }
      }
    }),
  });
  return { ...operation, selectionSet: inlineSet(operation.selectionSet, new Set()) };
}
