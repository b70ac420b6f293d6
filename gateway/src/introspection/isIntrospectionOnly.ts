/** Tells an operation that asks only about the schema from one that asks for data. */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

const INTROSPECTION_ROOT_FIELDS = new Set(["__schema", "__type", "__typename"]);

/** True for a query whose root selects only `__schema`, `__type` and `__typename` (through fragments too). */
export function isIntrospectionOnly(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== "query") return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const only = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): boolean =>
    selectionSet.selections.every((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return INTROSPECTION_ROOT_FIELDS.has(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return only(selection.selectionSet, seen);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(fragment.name.value)) return false;
          return only(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        }
      }
    });
  return only(operation.selectionSet, new Set());
}
