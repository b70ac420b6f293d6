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
  // Each fragment's answer once: a fragment spread k times in a fragment spread k times would
  // otherwise be walked k^depth times, which hangs the gateway on a document of a few hundred tokens.
  const answers = new Map<string, boolean>();
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
          let answer = answers.get(fragment.name.value);
          if (answer === undefined) {
            answer = only(fragment.selectionSet, new Set([...seen, fragment.name.value]));
            answers.set(fragment.name.value, answer);
          }
          return answer;
        }
      }
    });
  return only(operation.selectionSet, new Set());
}
