/**
 * R5-3 again in the subgraph (the gateway is the first line, not the only one): a key is a value,
 * so a blank, wildcard or malformed key argument is refused, literal or from variables (resolvers
 * see values after coercion); and a root list of personal data selected by none of its keys is
 * refused unless the purpose is statistics or research. One middleware for every resolver and one
 * check of entity representations, so no resolver can forget it or drop a blank filter.
 */
import { getNullableType, type GraphQLField, type GraphQLResolveInfo, isListType } from "graphql";
import type { MiddlewareFn } from "type-graphql";
import {
  checkKey,
  forbiddenError,
  isKeyArgument,
  type HubContextRequestClaims,
  type KeyProblem,
  type Purpose,
} from "@hub/contracts";
import { NON_PERSONAL } from "@hub/policies";
import { categoryOf } from "./dataCategory";
import { given } from "./given";
import { toGraphQLError, type RecordGuard } from "./RecordGuard";

/** The rule enforced here, as the policy set names it (its article is read from there). */
export const KEY_RULE = "R5-3";

/** Purposes that may list personal records without a key (their fields are still decided, R5-6). */
export const UNKEYED_PURPOSES: ReadonlySet<Purpose> = new Set<Purpose>(["OFFICIAL_STATISTICS", "RESEARCH"]);

export interface KeyContext {
  hub: HubContextRequestClaims;
  guard: RecordGuard;
}

/** One selection as the subgraph resolves it. */
export interface KeyedSelection {
  /** `Type.field`, as a refusal names it. */
  field: string;
  /** Argument values after variables and defaults are applied. */
  args: Readonly<Record<string, unknown>>;
  /** The key arguments the field takes. */
  keyArguments: readonly string[];
  /** A root list of personal data: a list of persons or cases. */
  personalList: boolean;
}

export interface KeyRefusal {
  /** The key argument at fault; null for a list selected by no key. */
  key: string | null;
  problem: KeyProblem | "unkeyed";
  reason: string;
}

/** Why R5-3 refuses this selection for this purpose, or null when it does not. */
export function keyRefusal(selection: KeyedSelection, purpose: Purpose): KeyRefusal | null {
  for (const key of selection.keyArguments) {
    const value = selection.args[key];
    if (!given(value)) continue;
    const check = checkKey(key, value);
    if (!check.ok) return { key, problem: check.problem, reason: check.message };
  }
  if (!selection.personalList || UNKEYED_PURPOSES.has(purpose)) return null;
  if (selection.keyArguments.some((key) => given(selection.args[key]))) return null;
  const keys = selection.keyArguments.length > 0 ? ` (${selection.keyArguments.join(", ")})` : "";
  return {
    key: null,
    problem: "unkeyed",
    reason: `${selection.field} lists personal data and is selected by none of its keys${keys}: outside statistics and research a list must name the person or case.`,
  };
}

/** The FORBIDDEN error of an R5-3 refusal, with the rule's article as the policy set states it. */
export function keyRefusalError(ctx: KeyContext, field: string, category: string, refusal: KeyRefusal) {
  return toGraphQLError(
    forbiddenError({
      subject: field,
      category,
      owner: ctx.guard.owner,
      decision: { ...ctx.guard.rule(KEY_RULE), reason: refusal.reason },
      extensions: { key: refusal.key, problem: refusal.problem },
    }),
  );
}

function selectionOf(info: GraphQLResolveInfo, args: Record<string, unknown>): KeyedSelection & { category: string } {
  const field: GraphQLField<unknown, unknown> | undefined = info.parentType.getFields()[info.fieldName];
  const category = (field && categoryOf(field)) ?? "UNCLASSIFIED";
  const isRoot = info.parentType === info.schema.getQueryType();
  return {
    field: `${info.parentType.name}.${info.fieldName}`,
    args,
    keyArguments: (field?.args ?? []).map((a) => a.name).filter(isKeyArgument),
    personalList:
      isRoot &&
      field !== undefined &&
      isListType(getNullableType(field.type)) &&
      !(NON_PERSONAL as readonly string[]).includes(category),
    category,
  };
}

/** type-graphql global middleware: runs before every resolver of the subgraph. */
export const enforceKeys: MiddlewareFn<KeyContext> = ({ args, info, context }, next) => {
  // Most fields take no arguments and are not root lists: nothing to check.
  if (Object.keys(args).length === 0 && info.parentType !== info.schema.getQueryType()) return next();
  const selection = selectionOf(info, args);
  const refusal = keyRefusal(selection, context.hub.purpose);
  if (refusal) throw keyRefusalError(context, selection.field, selection.category, refusal);
  return next();
};

/**
 * The keys of an entity representation the gateway sends (`_entities`): a look-up by key like any
 * other, so a blank or malformed one is refused before the entity is resolved.
 */
export function checkReferenceKeys(typeName: string, reference: Record<string, unknown>, ctx: KeyContext): void {
  for (const [key, value] of Object.entries(reference)) {
    if (!isKeyArgument(key)) continue;
    const check = checkKey(key, value);
    if (!check.ok) {
      const refusal: KeyRefusal = { key, problem: check.problem, reason: check.message };
      throw keyRefusalError(ctx, `${typeName} representation`, "IDENTIFIER", refusal);
    }
  }
}
