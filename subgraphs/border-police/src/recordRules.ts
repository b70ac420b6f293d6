/**
 * The one place the Border Police says how each record type is decided before it leaves: its main
 * data category and the facts the policies read from it (R5-4, R6-1). Whether a fact denies is the
 * policies' business, never this file's.
 */
import { recordRules, type RecordFacts } from "@hub/kit";
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

const retention = (record: { retainUntil: string }): RecordFacts => ({ retainUntil: record.retainUntil });

export const { disclose, discloseOne, decideField } = recordRules<RecordTypes, Context>({
  TravelDocument: { category: "TRAVEL", facts: retention },
  // A crossing records whether the traveller was an accompanied minor (R6-1-minors for its biometrics).
  BorderCrossing: { category: "TRAVEL", facts: (c) => ({ ...retention(c), subjectMinor: c.accompaniedMinor }) },
  EntryRefusal: { category: "TRAVEL", facts: retention },
  EntryBan: { category: "CRIMINAL", facts: retention },
  DeporteeScreening: { category: "TRAVEL", facts: retention },
});
