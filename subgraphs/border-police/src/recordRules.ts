/**
 * The one place the Border Police says how each record type is decided before it leaves: its main
 * data category and the facts the policies read from it (R5-4, R6-1, R14-3). Whether a fact denies
 * is the policies' business, never this file's.
 */
import { isMinorOn, recordRules, today, type RecordFacts } from "@hub/kit";
import type { BorderCrossing } from "./BorderCrossing.entity";
import type { DeporteeScreening } from "./DeporteeScreening.entity";
import type { EntryBan } from "./EntryBan.entity";
import type { EntryRefusal } from "./EntryRefusal.entity";
import { TravelDocumentKind } from "./enums";
import type { Context } from "./loaders";
import type { TravelDocument } from "./TravelDocument.entity";

interface RecordTypes {
  TravelDocument: TravelDocument;
  BorderCrossing: BorderCrossing;
  EntryRefusal: EntryRefusal;
  EntryBan: EntryBan;
  DeporteeScreening: DeporteeScreening;
}

const retention = (record: { retainUntil: string }): RecordFacts => ({ retainUntil: record.retainUntil });

/**
 * Whether the person a record is about is a minor today, by the date of birth their travel
 * documents carry; a person whose date of birth is not known counts as one (fail closed).
 */
async function subjectMinor(ctx: Context, personRef: string): Promise<boolean> {
  const dateOfBirth = await ctx.loaders.dateOfBirthByPerson.load(personRef);
  return dateOfBirth === null ? true : isMinorOn(dateOfBirth, today());
}

/** Retention, and whether the subject is a minor: the facts of a record type carrying a special category. */
const personal = async (record: { retainUntil: string; personRef: string }, ctx: Context): Promise<RecordFacts> => ({
  ...retention(record),
  subjectMinor: await subjectMinor(ctx, record.personRef),
});

export const { disclose, discloseOne, decideField } = recordRules<RecordTypes, Context>({
  TravelDocument: {
    category: "TRAVEL",
    facts: async (d, ctx) => ({
      ...(await personal(d, ctx)),
      // A Convention travel document exists only because of an asylum decision; the Border Police
      // does not know the holder's country of origin, so the policies withhold it from abroad (R14-3).
      asylumDerived: d.kind === TravelDocumentKind.REFUGEE_TRAVEL_DOCUMENT,
    }),
  },
  // A traveller recorded as an accompanied minor, or who is a minor today, is a minor whether
  // accompanied or not (R6-1-minors for the crossing's biometrics). The date of birth is read even
  // for an accompanied minor, so that every list of crossings resolves in the same batch.
  BorderCrossing: {
    category: "TRAVEL",
    facts: async (c, ctx) => {
      const minorToday = await subjectMinor(ctx, c.personRef);
      return { ...retention(c), subjectMinor: c.accompaniedMinor || minorToday };
    },
  },
  EntryRefusal: { category: "TRAVEL", facts: retention },
  EntryBan: { category: "CRIMINAL", facts: personal },
  DeporteeScreening: { category: "TRAVEL", facts: personal },
});
