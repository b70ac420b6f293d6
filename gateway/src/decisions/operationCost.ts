/**
 * The estimated cost of an operation: how many field values its answer can hold, read from its
 * selections with variables and defaults applied, so that `first: $n` counts like `first: 100`.
 * The model is described in docs/architecture.md ("Operation cost").
 */
import {
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";
import type { Selection } from "../selections/collectSelections";

export interface CostModel {
  /** Page size of a paged field asked for without one (the subgraphs' default). */
  defaultPageSize: number;
  /** Items assumed in a list that takes no page size and no list of keys (a person's bans, documents). */
  assumedListSize: number;
}

/** The arguments that bound a list's length (subgraphs/kit pageSize). */
export const PAGE_ARGUMENTS: readonly string[] = ["first"];

function fieldOf(schema: GraphQLSchema, selection: Selection): GraphQLField<unknown, unknown> | undefined {
  const type = schema.getType(selection.typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.fieldName] : undefined;
}

/** The page the field asks for, if it takes a page argument; a page below 1 still counts as 1. */
function pageOf(field: GraphQLField<unknown, unknown> | undefined, selection: Selection, model: CostModel) {
  const page = field?.args.find((arg) => PAGE_ARGUMENTS.includes(arg.name));
  if (!page) return undefined;
  const value = selection.arguments[page.name];
  return typeof value === "number" && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : model.defaultPageSize;
}

/** The number of keys a list of keys asks for (`persons(personRefs: [...])`), if it takes one. */
function keysOf(field: GraphQLField<unknown, unknown> | undefined, selection: Selection) {
  const lengths = (field?.args ?? [])
    .filter((arg) => isListType(getNullableType(arg.type)))
    .map((arg) => selection.arguments[arg.name])
    .filter((value): value is unknown[] => Array.isArray(value))
    .map((value) => value.length);
  return lengths.length > 0 ? Math.max(1, ...lengths) : undefined;
}

/**
 * Each selection costs the number of times it is resolved: 1 at the root, times the length of
 * every list above it. A paged field that returns one object (a connection) hands its page to the
 * first list inside it (`edges`), which then counts that page instead of the assumed size.
 */
export function operationCost(schema: GraphQLSchema, selections: readonly Selection[], model: CostModel): number {
  const resolutions = new Map<Selection, number>();
  /** How many times each child of a selection is resolved per resolution of that selection. */
  const fanOut = new Map<Selection, number>();
  const carried = new Map<Selection, number>();
  let total = 0;
  // Selections come parent first (collectSelections visits depth first, in document order).
  for (const selection of selections) {
    const parent = selection.parent;
    const times = parent ? (resolutions.get(parent) ?? 1) * (fanOut.get(parent) ?? 1) : 1;
    resolutions.set(selection, times);
    total += times;
    const field = fieldOf(schema, selection);
    const page = pageOf(field, selection, model);
    if (selection.isList) {
      const inherited = parent ? carried.get(parent) : undefined;
      fanOut.set(selection, page ?? keysOf(field, selection) ?? inherited ?? model.assumedListSize);
    } else if (page !== undefined) {
      carried.set(selection, page);
    }
  }
  return total;
}
