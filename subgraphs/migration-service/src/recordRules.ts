/**
 * The one place the Migration Service says how each record type is decided before it leaves: its
 * main data category and the facts the policies read from it (R5-4, R6-1, R14-3). Whether a fact
 * denies is the policies' business, never this file's.
 */
import { isMinorOn, recordRules, today } from "@hub/kit";
import type { AsylumApplication } from "./AsylumApplication.entity";
import type { Context } from "./loaders";
import type { Person } from "./Person.entity";
import type { ResidencePermit } from "./ResidencePermit.entity";
import type { ReturnDecision } from "./ReturnDecision.entity";
import type { TraffickingCase } from "./TraffickingCase.entity";

interface RecordTypes {
  Person: Person;
  ResidencePermit: ResidencePermit;
  AsylumApplication: AsylumApplication;
  ReturnDecision: ReturnDecision;
  TraffickingCase: TraffickingCase;
}
/** Whether the person a record is about is a minor today; a person not found counts as one (fail closed). */
async function subjectMinor(ctx: Context, personRef: string): Promise<boolean> {
  const person = await ctx.loaders.personByRef.load(personRef);
  return person ? isMinorOn(person.dateOfBirth, today()) : true;
}

export const { disclose, discloseOne, decideField } = recordRules<RecordTypes, Context>({
  Person: { category: "IDENTITY", facts: (p) => ({ retainUntil: p.retainUntil }) },
  ResidencePermit: { category: "RESIDENCE", facts: (p) => ({ retainUntil: p.retainUntil }) },
  // Its grounds are CRIMINAL, decided with these facts (R6-1-minors).
  ReturnDecision: {
    category: "RESIDENCE",
    facts: async (d, ctx) => ({ retainUntil: d.retainUntil, subjectMinor: await subjectMinor(ctx, d.personRef) }),
  },
  AsylumApplication: {
    category: "ASYLUM",
    facts: async (a, ctx) => ({
      retainUntil: a.retainUntil,
      countryOfOrigin: a.countryOfOriginCode,
      subjectMinor: await subjectMinor(ctx, a.personRef),
    }),
  },
  TraffickingCase: {
    category: "TRAFFICKING",
    facts: async (c, ctx) => ({
      retainUntil: c.retainUntil,
      assignedCaseworker: c.assignedCaseworker,
      subjectMinor: await subjectMinor(ctx, c.personRef),
    }),
  },
});
