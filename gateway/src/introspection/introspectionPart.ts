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
  const collect = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (SCHEMA_FIELDS.has(selection.name.value)) fields.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          collect(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        }
      }
    }
  };
  collect(operation.selectionSet, new Set());
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
