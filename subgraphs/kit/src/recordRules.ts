/**
 * How a subgraph declares, once per record type, the data category a record is decided with and
 * the facts the policies read from it; the guard does the deciding. Whether a fact denies is the
 * policies' business, never the subgraph's. Every call names the resolver's `info`, so that a
 * withheld record is refused at its place in the response (R7-2).
 */
import type { GraphQLResolveInfo } from "graphql";
import type { DataCategory } from "@hub/contracts";
import type { RecordFacts, RecordGuard } from "./RecordGuard";

export interface RecordRule<T, TContext> {
  category: DataCategory;
  facts: (record: T, ctx: TContext) => RecordFacts | Promise<RecordFacts>;
}

export type RecordRules<TTypes, TContext> = { [K in keyof TTypes]: RecordRule<TTypes[K], TContext> };

/** What of the resolver's info the guard reads: where the answer goes in the response. */
export type ResolverInfo = Pick<GraphQLResolveInfo, "path" | "fieldName">;

export function recordRules<TTypes, TContext extends { guard: RecordGuard }>(rules: RecordRules<TTypes, TContext>) {
  return {
    /** The records of a list this caller may see; the others are refused at the list's path. */
    disclose<K extends keyof TTypes & string>(
      ctx: TContext,
      type: K,
      records: readonly TTypes[K][],
      info: ResolverInfo,
    ): Promise<TTypes[K][]> {
      const rule = rules[type];
      return ctx.guard.disclose(records, rule.category, (r) => rule.facts(r, ctx), { info, type });
    },
    /** A single record, or null with a refusal at the field's path when it is withheld. */
    discloseOne<K extends keyof TTypes & string>(
      ctx: TContext,
      type: K,
      record: TTypes[K] | null,
      info: ResolverInfo,
    ): Promise<TTypes[K] | null> {
      const rule = rules[type];
      return ctx.guard.one(record, rule.category, (r) => rule.facts(r, ctx), { info, type });
    },
    /**
     * Decides a field of another category than the record's with the record's facts: throws
     * FORBIDDEN when denied, answers false when the refusal is silent (serve null).
     */
    async decideField<K extends keyof TTypes & string>(
      ctx: TContext,
      type: K,
      record: TTypes[K],
      category: DataCategory,
      info: ResolverInfo,
    ): Promise<boolean> {
      return ctx.guard.field(category, await rules[type].facts(record, ctx), { info, type });
    },
  };
}
