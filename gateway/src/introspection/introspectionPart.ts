/** The schema questions of an operation that also asks for data, as an operation of their own. */
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Root fields that answer from the schema itself (`__typename` tells nothing about it). */
const SCHEMA_FIELDS = new Set(["__schema", "__type"]);

/**
 * The operation's `__schema` and `__type` root fields (with their aliases, arguments and
 * directives, found through fragments too) as a document of their own; null if it has none.
 */
export function introspectionPart(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode | null {
  if (operation.operation !== "query") return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const fields: FieldNode[] = [];
  // Each fragment is read once: its fields are the same nodes wherever it is spread, and a
  // fragment spread k times in a fragment spread k times would otherwise be walked k^depth times.
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (SCHEMA_FIELDS.has(selection.name.value)) fields.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          collect(fragment.selectionSet);
        }
      }
    }
  };
  collect(operation.selectionSet);
  if (fields.length === 0) return null;
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: fields } },
      // Fragments used inside the schema questions (e.g. the explorer's TypeRef); unused ones are harmless.
      ...fragments.values(),
    ],
  };
}
