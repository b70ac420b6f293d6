import { describe, expect, it } from "@jest/globals";
import {
  ImpactAccumulator,
  type RedecidedEvent,
  type RedecidedSelection,
  type SelectionDecision,
} from "./ImpactReport";

const allow = (...policies: string[]): SelectionDecision => ({ allowed: true, policies });
const deny = (rule: string, ...policies: string[]): SelectionDecision => ({ allowed: false, rule, policies });

const selection = (
  field: string,
  category: string,
  before: SelectionDecision,
  after: SelectionDecision,
  overrides: Partial<RedecidedSelection> = {},
): RedecidedSelection => ({
  field,
  category,
  owner: "MIGRATION_SERVICE",
  before,
  after,
  recordedDiffers: false,
  ...overrides,
});

let events = 0;
const event = (selections: RedecidedSelection[], overrides: Partial<RedecidedEvent> = {}): RedecidedEvent => ({
  eventId: `event-${++events}`,
  occurredAt: "2026-11-20T10:00:00.000Z",
  agency: "BORDER_POLICE",
  purpose: "BORDER_CHECK",
  selections,
  notReplayable: [],
  ...overrides,
});

describe("impact report", () => {
  it("groups newly denied selections by agency, purpose, owner, category and rule, with examples and counts", () => {
    const impact = new ImpactAccumulator(2);
    const narrowed = () =>
      event([
        selection("Person.familyName", "IDENTITY", allow("AGR-MS-BP-BORDER"), deny("R5-1")),
        selection("Person.givenNames", "IDENTITY", allow("AGR-MS-BP-BORDER"), deny("R5-1")),
        selection("Person.personRef", "IDENTIFIER", allow("AGR-MS-BP-BORDER"), allow("AGR-MS-BP-BORDER")),
      ]);
    const added = [narrowed(), narrowed(), narrowed()];
    added.forEach((e) => impact.add(e));
    // The same category for another purpose is another group.
    impact.add(
      event([selection("Person.familyName", "IDENTITY", allow("AGR-MS-BP-BORDER"), deny("R5-1"))], {
        purpose: "RETURN_ENFORCEMENT",
      }),
    );
    const report = impact.report();
    expect(report.newlyAllowed).toEqual([]);
    expect(report.newlyDenied).toEqual([
      {
        change: "newly-denied",
        agency: "BORDER_POLICE",
        purpose: "BORDER_CHECK",
        owner: "MIGRATION_SERVICE",
        category: "IDENTITY",
        rule: "R5-1",
        grantedBy: ["AGR-MS-BP-BORDER"],
        fields: ["Person.familyName", "Person.givenNames"],
        selections: 6,
        events: 3,
        examples: [added[0]?.eventId, added[1]?.eventId],
      },
      expect.objectContaining({ purpose: "RETURN_ENFORCEMENT", selections: 1, events: 1 }),
    ]);
    expect(report.totals).toEqual({
      eventsRead: 4,
      eventsDecided: 4,
      selections: 10,
      newlyAllowed: 0,
      newlyDenied: 7,
      eventsChanged: 4,
      basisChanged: 0,
      recordedDiffers: 0,
      eventsNotReplayable: 0,
    });
  });

  it("names, for a newly allowed selection, the rule that denied it and what grants it now", () => {
    const impact = new ImpactAccumulator();
    const e = event([selection("Person.residencePermits", "RESIDENCE", deny("R5-1"), allow("AGR-MS-BP-BORDER"))], {
      agency: "BORDER_POLICE",
    });
    impact.add(e);
    const [group] = impact.report().newlyAllowed;
    expect(group).toMatchObject({
      change: "newly-allowed",
      rule: "R5-1",
      grantedBy: ["AGR-MS-BP-BORDER"],
      category: "RESIDENCE",
      examples: [e.eventId],
    });
    expect(impact.report().totals).toMatchObject({ newlyAllowed: 1, newlyDenied: 0, eventsChanged: 1 });
  });

  it("counts apart what keeps its outcome on another basis, what was recorded otherwise, and what could not be re-decided", () => {
    const impact = new ImpactAccumulator();
    impact.add(
      event([
        // Still denied, by another rule: not a change of access.
        selection("Person.asylumApplications", "ASYLUM", deny("R6-3", "R6-1", "R6-3"), deny("R6-1", "R6-1")),
        // Still allowed, by another agreement.
        selection("Person.familyName", "IDENTITY", allow("AGR-A"), allow("AGR-B")),
        // Recorded under another version as denied, allowed by both sets now: not the candidate's doing.
        selection("Person.nationality", "IDENTITY", allow("AGR-A"), allow("AGR-A"), { recordedDiffers: true }),
      ]),
    );
    impact.add(event([], { notReplayable: ["key arguments are not recorded (R5-3)"] }));
    const report = impact.report();
    expect(report.totals).toMatchObject({
      eventsRead: 2,
      eventsDecided: 1,
      selections: 3,
      newlyAllowed: 0,
      newlyDenied: 0,
      eventsChanged: 0,
      basisChanged: 2,
      recordedDiffers: 1,
      eventsNotReplayable: 1,
    });
    expect(report.notReplayable).toEqual([
      { reason: "key arguments are not recorded (R5-3)", events: 1, examples: [`event-${events}`] },
    ]);
  });

  it("puts the largest group first and orders equal groups alike in every run", () => {
    const build = (order: string[]) => {
      const impact = new ImpactAccumulator();
      for (const category of order) {
        impact.add(event([selection(`Person.${category}`, category, allow("AGR-A"), deny("R5-1"))]));
      }
      impact.add(event([selection("Person.TRAVEL", "TRAVEL", allow("AGR-A"), deny("R5-1"))]));
      return impact.report().newlyDenied.map((g) => `${g.category}:${g.selections}`);
    };
    expect(build(["MINOR", "IDENTITY", "TRAVEL"])).toEqual(["TRAVEL:2", "IDENTITY:1", "MINOR:1"]);
    expect(build(["IDENTITY", "TRAVEL", "MINOR"])).toEqual(["TRAVEL:2", "IDENTITY:1", "MINOR:1"]);
  });
});
