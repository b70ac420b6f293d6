/** Generates the Migration Service's return decisions: after rejected asylum claims, and for irregular stay. */
import { type Day, formatDay, toDay } from "./dates";
import { type Rng, type Weighted } from "./random";
import { type PersonSeed, type WorldClock, choosePersons, numberChronologically, pad, retainUntil } from "./records";
import type { ReturnGrounds, ReturnStatus, SyntheticReturnDecision } from "./types";
import type { AsylumResult } from "./generateAsylum";
import type { PermitResult } from "./generatePermits";

const SHARE_OF_REJECTED = 0.5;
const SHARE_OF_OTHER_FOREIGNERS = 0.01;
const MIN_DECISIONS = 3;

const OTHER_GROUNDS: Weighted<ReturnGrounds> = [
  ["IRREGULAR_STAY", 70],
  ["CRIMINAL_CONVICTION", 18],
  ["PUBLIC_ORDER", 12],
];
const STATUSES: Weighted<ReturnStatus> = [
  ["ISSUED", 25],
  ["VOLUNTARY_DEPARTURE", 35],
  ["ENFORCED", 25],
  ["SUSPENDED", 15],
];

export function generateReturns(
  rng: Rng,
  foreigners: readonly PersonSeed[],
  asylum: AsylumResult,
  permits: PermitResult,
  clock: WorldClock,
): SyntheticReturnDecision[] {
  const afterRejection = rng.sample(asylum.rejected, Math.round(asylum.rejected.length * SHARE_OF_REJECTED));
  // Others: not in the asylum procedure and not lawfully resident; a revoked permit makes it likely.
  const weight = (p: PersonSeed): number =>
    asylum.applicants.has(p) || permits.validHolders.has(p)
      ? 0
      : (permits.revoked.has(p) ? 30 : 1) * (p.adultFrom > clock.asOf ? 0.1 : 1);
  const others = choosePersons(
    rng,
    foreigners,
    weight,
    Math.round(foreigners.length * SHARE_OF_OTHER_FOREIGNERS),
    MIN_DECISIONS - afterRejection.length,
  );
  const statuses = rng.apportion(STATUSES, afterRejection.length + others.length);
  const decisions: SyntheticReturnDecision[] = [];
  for (const { person, decided } of afterRejection) {
    const issued = Math.min(decided + rng.int(14, 120), clock.asOf - 1);
    decisions.push(decision(rng, person, issued, "REJECTED_ASYLUM", statuses[decisions.length] ?? "ISSUED", clock));
  }
  for (const person of others) {
    const grounds: ReturnGrounds = permits.revoked.has(person)
      ? rng.pick<ReturnGrounds>(["PUBLIC_ORDER", "CRIMINAL_CONVICTION"])
      : rng.weighted(OTHER_GROUNDS);
    const issued = rng.day(Math.max(clock.start, person.birth), clock.asOf - 1);
    decisions.push(decision(rng, person, issued, grounds, statuses[decisions.length] ?? "ISSUED", clock));
  }
  numberChronologically(
    decisions,
    (d) => toDay(d.issuedOn),
    (d, seq, year) => (d.decisionId = `RD-${year}-${pad(seq, 5)}`),
    true,
  );
  return decisions;
}

function decision(
  rng: Rng,
  person: PersonSeed,
  issued: Day,
  grounds: ReturnGrounds,
  planned: ReturnStatus,
  clock: WorldClock,
): SyntheticReturnDecision {
  // A voluntary departure period is granted unless the person is considered a risk.
  const dangerous = grounds === "CRIMINAL_CONVICTION" || grounds === "PUBLIC_ORDER";
  const departureUntil = dangerous ? null : issued + 30;
  const returned = planned === "ENFORCED" ? issued + rng.int(7, 180) : null;
  // An enforcement that would fall after asOf has not happened yet.
  const enforced = returned !== null && returned < clock.asOf;
  return {
    decisionId: "",
    personRef: person.record.personRef,
    issuedOn: formatDay(issued),
    grounds,
    voluntaryDepartureUntil: departureUntil === null ? null : formatDay(departureUntil),
    status: planned === "ENFORCED" && !enforced ? "ISSUED" : planned,
    returnedOn: enforced ? formatDay(returned) : null,
    destinationCountry: person.primary,
    retainUntil: retainUntil(rng, clock, issued),
  };
}
