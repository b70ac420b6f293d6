/**
 * How a subgraph declares, once per record type, the data category a record is decided with and
 * the facts the policies read from it; the guard does the deciding. Whether a fact denies is the
 * policies' business, never the subgraph's.
 */
import type { DataCategory } from "@hub/contracts";
import type { RecordFacts, RecordGuard } from "./RecordGuard";

export interface RecordRule<T, TContext> {
  category: DataCategory;
  facts: (record: T, ctx: TContext) => RecordFacts | Promise<RecordFacts>;
}

export type RecordRules<TTypes, TContext> = { [K in keyof TTypes]: RecordRule<TTypes[K], TContext> };

export function recordRules<TTypes, TContext extends { guard: RecordGuard }>(rules: RecordRules<TTypes, TContext>) {
  return {
    /** The records of a list this caller may see; the others are left out without a trace. */
    disclose<K extends keyof TTypes>(ctx: TContext, type: K, records: readonly TTypes[K][]): Promise<TTypes[K][]> {
      const rule = rules[type];
      return ctx.guard.disclose(records, rule.category, (r) => rule.facts(r, ctx));
    },
    /** A single record, or null when it is withheld. */
    discloseOne<K extends keyof TTypes>(ctx: TContext, type: K, record: TTypes[K] | null): Promise<TTypes[K] | null> {
      const rule = rules[type];
      return ctx.guard.one(record, rule.category, (r) => rule.facts(r, ctx));
    },
    /** Throws FORBIDDEN when a field of another category than the record's is denied with its facts. */
    async decideField<K extends keyof TTypes>(
      ctx: TContext,
      type: K,
      record: TTypes[K],
      category: DataCategory,
    ): Promise<void> {
      ctx.guard.field(category, await rules[type].facts(record, ctx));
    },
  };
}
