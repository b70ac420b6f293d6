/**
 * What a candidate policy set would change on recorded traffic: each re-decided event added in
 * turn, its changed selections grouped by the caller's agency, purpose, data owner, category and
 * rule, with example event ids and totals. Pure: the events come from the audit store, the
 * decisions from the replay's re-decision.
 */

/** One decision as the audit record holds it. */
export interface SelectionDecision {
  allowed: boolean;
  /** For a denial, the rule that decided it (null or absent for an allowance). */
  rule?: string | null;
  /** The granting agreements, or the forbidding rules. */
  policies: readonly string[];
}

/** One recorded selection re-decided under the current set (`before`) and the candidate (`after`). */
export interface RedecidedSelection {
  /** `Type.field` */
  field: string;
  category: string;
  owner: string;
  before: SelectionDecision;
  after: SelectionDecision;
  /** The decision recorded differs from `before` (it was made under another version). */
  recordedDiffers: boolean;
}

export interface RedecidedEvent {
  eventId: string;
  occurredAt: string;
  /** The caller's agency (or foreign authority) and purpose, as recorded. */
  agency: string | null;
  purpose: string | null;
  selections: readonly RedecidedSelection[];
  /** What of the event could not be re-decided, and why (nothing when all of it could). */
  notReplayable: readonly string[];
}

export type ChangeKind = "newly-allowed" | "newly-denied";

export interface ImpactGroup {
  change: ChangeKind;
  agency: string | null;
  purpose: string | null;
  owner: string;
  category: string;
  /** The rule that denies (newly denied) or denied until now (newly allowed). */
  rule: string;
  /** What grants (newly allowed) or granted until now (newly denied). */
  grantedBy: string[];
  fields: string[];
  /** Selections changed, and the events they are in. */
  selections: number;
  events: number;
  /** The first events of the group, in the order they were recorded. */
  examples: string[];
}

export interface ImpactTotals {
  eventsRead: number;
  /** Events with at least one selection re-decided. */
  eventsDecided: number;
  selections: number;
  newlyAllowed: number;
  newlyDenied: number;
  /** Events with at least one newly allowed or newly denied selection. */
  eventsChanged: number;
  /** Same outcome, another basis: another deciding rule, or other granting agreements. */
  basisChanged: number;
  /** Selections whose recorded decision differs from the current set's (recorded under another version). */
  recordedDiffers: number;
  /** Events of which something could not be re-decided. */
  eventsNotReplayable: number;
}

export interface NotReplayable {
  reason: string;
  events: number;
  examples: string[];
}

export interface ImpactReport {
  totals: ImpactTotals;
  newlyDenied: ImpactGroup[];
  newlyAllowed: ImpactGroup[];
  notReplayable: NotReplayable[];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

interface OpenGroup extends Omit<ImpactGroup, "grantedBy" | "fields" | "events" | "examples"> {
  grantedBy: Set<string>;
  fields: Set<string>;
  eventIds: Set<string>;
  examples: string[];
}

const orderKey = (g: ImpactGroup) => JSON.stringify([g.agency, g.purpose, g.owner, g.category, g.rule]);

export class ImpactAccumulator {
  private readonly groups = new Map<string, OpenGroup>();
  private readonly unreplayable = new Map<string, { events: number; examples: string[] }>();
  private readonly totals: ImpactTotals = {
    eventsRead: 0,
    eventsDecided: 0,
    selections: 0,
    newlyAllowed: 0,
    newlyDenied: 0,
    eventsChanged: 0,
    basisChanged: 0,
    recordedDiffers: 0,
    eventsNotReplayable: 0,
  };

  constructor(private readonly examplesPerGroup = 3) {}

  add(event: RedecidedEvent): void {
    const t = this.totals;
    t.eventsRead += 1;
    if (event.selections.length > 0) t.eventsDecided += 1;
    let changed = false;
    for (const s of event.selections) {
      t.selections += 1;
      if (s.recordedDiffers) t.recordedDiffers += 1;
      if (s.before.allowed === s.after.allowed) {
        const sameBasis = s.before.rule === s.after.rule && sameList(s.before.policies, s.after.policies);
        if (!sameBasis) t.basisChanged += 1;
        continue;
      }
      changed = true;
      const change: ChangeKind = s.after.allowed ? "newly-allowed" : "newly-denied";
      if (change === "newly-allowed") t.newlyAllowed += 1;
      else t.newlyDenied += 1;
      const denial = change === "newly-allowed" ? s.before : s.after;
      const grant = change === "newly-allowed" ? s.after : s.before;
      this.addToGroup(event, s, change, denial.rule ?? "(none)", grant.policies);
    }
    if (changed) t.eventsChanged += 1;
    if (event.notReplayable.length > 0) t.eventsNotReplayable += 1;
    for (const reason of new Set(event.notReplayable)) {
      const entry = this.unreplayable.get(reason) ?? { events: 0, examples: [] };
      entry.events += 1;
      if (entry.examples.length < this.examplesPerGroup) entry.examples.push(event.eventId);
      this.unreplayable.set(reason, entry);
    }
  }

  private addToGroup(
    event: RedecidedEvent,
    s: RedecidedSelection,
    change: ChangeKind,
    rule: string,
    granting: readonly string[],
  ): void {
    const key = JSON.stringify([change, event.agency, event.purpose, s.owner, s.category, rule]);
    let group = this.groups.get(key);
    if (!group) {
      group = {
        change,
        agency: event.agency,
        purpose: event.purpose,
        owner: s.owner,
        category: s.category,
        rule,
        grantedBy: new Set(),
        fields: new Set(),
        selections: 0,
        eventIds: new Set(),
        examples: [],
      };
      this.groups.set(key, group);
    }
    group.selections += 1;
    granting.forEach((p) => group.grantedBy.add(p));
    group.fields.add(s.field);
    if (!group.eventIds.has(event.eventId) && group.examples.length < this.examplesPerGroup) {
      group.examples.push(event.eventId);
    }
    group.eventIds.add(event.eventId);
  }

  report(): ImpactReport {
    const groups: ImpactGroup[] = [...this.groups.values()]
      .map(({ grantedBy, fields, eventIds, examples, ...g }) => ({
        ...g,
        grantedBy: [...grantedBy].sort(),
        fields: [...fields].sort(),
        events: eventIds.size,
        examples,
      }))
      // The largest change first; ties in a fixed order, so that two runs print alike.
      .sort((a, b) => b.selections - a.selections || orderKey(a).localeCompare(orderKey(b)));
    return {
      totals: { ...this.totals },
      newlyDenied: groups.filter((g) => g.change === "newly-denied"),
      newlyAllowed: groups.filter((g) => g.change === "newly-allowed"),
      notReplayable: [...this.unreplayable]
        .map(([reason, e]) => ({ reason, events: e.events, examples: e.examples }))
        .sort((a, b) => b.events - a.events || a.reason.localeCompare(b.reason)),
    };
  }
}
