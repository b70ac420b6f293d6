/**
 * How many nodes (fields and inline fragments) an operation holds once every fragment spread is
 * inlined, counted without inlining: each fragment's size is computed once. Spreading a fragment
 * k times, in a fragment spread k times, and so on, multiplies the inlined tree by k at every
 * level while the document stays a few hundred tokens long and within the depth limit; inlining
 * such a document would exhaust the gateway's memory before the cost limit could refuse it.
 */
import { Kind } from "graphql";
import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from "graphql";

export function inlinedSize(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const sizes = new Map<string, number>();
  const sizeOf = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let size = 0;
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD) {
        size += 1 + (selection.selectionSet ? sizeOf(selection.selectionSet, seen) : 0);
        continue;
      }
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // As inlineFragments: an unknown or cyclic spread selects nothing (validation refused it already).
      if (!fragment || seen.has(name)) continue;
      let fragmentSize = sizes.get(name);
      if (fragmentSize === undefined) {
        fragmentSize = sizeOf(fragment.selectionSet, new Set([...seen, name]));
        sizes.set(name, fragmentSize);
      }
      size += 1 + fragmentSize;
    }
    return size;
  };
  return sizeOf(operation.selectionSet, new Set());
}
