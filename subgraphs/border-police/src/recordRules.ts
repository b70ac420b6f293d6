/**
 * The one place the Border Police says how each record type is decided before it leaves: its main
 * data category and the facts the policies read from it (R5-4, R6-1). Whether a fact denies is the
 * policies' business, never this file's.
 */
import type { DataCategory } from "@hub/contracts";
import type { RecordFacts } from "@hub/kit";
import type { BorderCrossing } from "./BorderCrossing.entity";
import type { DeporteeScreening } from "./DeporteeScreening.entity";
import type { EntryBan } from "./EntryBan.entity";
import type { EntryRefusal } from "./EntryRefusal.entity";
import type { Context } from "./loaders";
import type { TravelDocument } from "./TravelDocument.entity";

interface RecordTypes {
  TravelDocument: TravelDocument;
  BorderCrossing: BorderCrossing;
  EntryRefusal: EntryRefusal;
  EntryBan: EntryBan;
  DeporteeScreening: DeporteeScreening;
}
type RecordType = keyof RecordTypes;

interface RecordRule<T> {
  category: DataCategory;
  facts: (record: T) => RecordFacts;
}

const retention = (record: { retainUntil: string }): RecordFacts => ({ retainUntil: record.retainUntil });

const RULES: { [K in RecordType]: RecordRule<RecordTypes[K]> } = {
  TravelDocument: { category: "TRAVEL", facts: retention },
  // A crossing records whether the traveller was an accompanied minor (R6-1-minors for its biometrics).
  BorderCrossing: { category: "TRAVEL", facts: (c) => ({ ...retention(c), subjectMinor: c.accompaniedMinor }) },
  EntryRefusal: { category: "TRAVEL", facts: retention },
  EntryBan: { category: "CRIMINAL", facts: retention },
  DeporteeScreening: { category: "TRAVEL", facts: retention },
};

/** The records of a list this caller may see; the others are left out without a trace. */
export function disclose<K extends RecordType>(
  ctx: Context,
  type: K,
  records: readonly RecordTypes[K][],
): Promise<RecordTypes[K][]> {
  const rule: RecordRule<RecordTypes[K]> = RULES[type];
  return ctx.guard.disclose(records, rule.category, rule.facts);
}

/** A single record, or null when it is withheld. */
export function discloseOne<K extends RecordType>(
  ctx: Context,
  type: K,
  record: RecordTypes[K] | null,
): Promise<RecordTypes[K] | null> {
  const rule: RecordRule<RecordTypes[K]> = RULES[type];
  return ctx.guard.one(record, rule.category, rule.facts);
}

/** Throws FORBIDDEN when a field of another category than the record's is denied with its facts. */
export function decideField<K extends RecordType>(
  ctx: Context,
  type: K,
  record: RecordTypes[K],
  category: DataCategory,
): void {
  const rule: RecordRule<RecordTypes[K]> = RULES[type];
  ctx.guard.field(category, rule.facts(record));
}
