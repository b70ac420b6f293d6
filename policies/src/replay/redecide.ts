/**
 * `redecide(event, pdp)`: re-decides every selection an audit event records under a decision
 * point (the recorded policy version for a replay, a candidate for an impact preview) and compares
 * field by field and rule by rule: allowed or denied, the deciding rule, the granting or forbidding
 * policies. Inputs the record leaves open are tried in every value they may have had; a decision
 * is `different` only when none of them gives the recorded one.
 */
import type { AuditEventContent, AuditFieldDecision, AuditRefusal } from "@hub/contracts";
import type { DecidedCategory } from "../entities";
import type { Decision, PolicyDecisionPoint } from "../PolicyDecisionPoint";
import { recordedInputs, unkeyedOptions, type ReplayInputs } from "./recordedInputs";
import type { DecisionFacts, FieldReplay, RefusalReplay, ReplayReport } from "./ReplayReport";

const factsOf = (d: Decision): DecisionFacts => ({
  allowed: d.allowed,
  rule: d.allowed ? null : (d.rule ?? null),
  policies: [...d.policies].sort(),
});

const recordedFacts = (d: AuditFieldDecision, allowed: boolean): DecisionFacts => ({
  allowed,
  rule: allowed ? null : (d.rule ?? null),
  policies: [...d.policies].sort(),
});

const list = (items: string[]) => (items.length ? items.join(", ") : "none");
const word = (allowed: boolean) => (allowed ? "allowed" : "denied");

export function differencesOf(recorded: DecisionFacts, replayed: DecisionFacts): string[] {
  const out: string[] = [];
  if (recorded.allowed !== replayed.allowed) {
    out.push(`decision: recorded ${word(recorded.allowed)}, replayed ${word(replayed.allowed)}`);
  }
  if (recorded.rule !== replayed.rule) {
    out.push(`rule: recorded ${recorded.rule ?? "none"}, replayed ${replayed.rule ?? "none"}`);
  }
  if (recorded.policies.join("\n") !== replayed.policies.join("\n")) {
    out.push(`policies: recorded ${list(recorded.policies)}, replayed ${list(replayed.policies)}`);
  }
  return out;
}

/** A key's value refused before the engine (R5-3): recorded with the rule and no policies. */
const isKeyCheck = (d: AuditFieldDecision) => d.rule === "R5-3" && d.policies.length === 0;

function replayField(
  pdp: PolicyDecisionPoint,
  inputs: ReplayInputs,
  event: AuditEventContent,
  decision: AuditFieldDecision,
  recordedIn: FieldReplay["recordedIn"],
): FieldReplay {
  const recorded = recordedFacts(decision, recordedIn === "fieldsAllowed");
  const base = { recordedIn, field: decision.field, category: decision.category, owner: decision.owner, recorded };
  if (recordedIn === "fieldsDenied" && isKeyCheck(decision)) {
    const known = pdp.policySet.policies.has("R5-3");
    return {
      ...base,
      replayed: null,
      verdict: known ? "not-replayable" : "different",
      differences: known ? [] : ["rule: recorded R5-3, which this policy version does not have"],
      notes: [
        "a key's value was refused before the policy engine (R5-3); the record keeps the value only as its keyed hash, so the check cannot be run again",
      ],
    };
  }
  const unkeyed = unkeyedOptions(decision, event);
  const tried: { unkeyedList: boolean; day: string; facts: DecisionFacts }[] = [];
  for (const unkeyedList of unkeyed) {
    for (const day of inputs.days) {
      const answer = pdp.decide({
        principal: inputs.principal,
        purpose: inputs.purpose,
        category: decision.category as DecidedCategory,
        owner: decision.owner,
        unkeyedList,
        today: day,
        ...(inputs.authorizationUntil ? { authorizationUntil: inputs.authorizationUntil } : {}),
      });
      tried.push({ unkeyedList, day, facts: factsOf(answer) });
    }
  }
  const matching = tried.filter((t) => differencesOf(recorded, t.facts).length === 0);
  const notes: string[] = [];
  const readings = new Set(tried.map((t) => JSON.stringify(t.facts)));
  if (readings.size > 1 && matching.length > 0) {
    // Say which reading of the open inputs gives the recorded decision.
    const which = matching.map((t) =>
      [
        ...(unkeyed.length > 1
          ? [t.unkeyedList ? "the list was selected by no key" : "the list was selected by a key"]
          : []),
        ...(inputs.days.length > 1 ? [`it was decided on ${t.day}`] : []),
      ].join(" and "),
    );
    notes.push(`decided as recorded only when ${[...new Set(which)].join(" or ")}; the record does not say which`);
  }
  const first = matching[0] ?? tried[0];
  const replayed = first ? first.facts : null;
  if (matching.length > 0 && replayed) return { ...base, replayed, verdict: "same", differences: [], notes };
  const differences = replayed ? differencesOf(recorded, replayed) : [];
  if (!inputs.purposesRecorded) {
    notes.push("may have been decided with token purposes the record does not hold");
    return { ...base, replayed, verdict: "not-replayable", differences, notes };
  }
  if (readings.size > 1) notes.push("no reading of what the record leaves open gives the recorded decision");
  return { ...base, replayed, verdict: "different", differences, notes };
}

function replayRefusal(pdp: PolicyDecisionPoint, refusal: AuditRefusal): RefusalReplay {
  const base = {
    by: refusal.by,
    rule: refusal.rule,
    category: refusal.category,
    owner: refusal.owner,
    count: refusal.count,
  };
  if (!pdp.policySet.policies.has(refusal.rule)) {
    return { ...base, verdict: "different", notes: [`this policy version has no rule ${refusal.rule}`] };
  }
  const notes =
    refusal.by === "gateway"
      ? [
          "a refusal of the request before the decide stage (its purpose); the token's purposes it was checked against are not recorded",
        ]
      : [
          `decided by the ${refusal.by} subgraph's record rules on facts of each record (retention date, minor, assigned caseworker, country of origin), which the audit record does not hold; the rule is in this policy version`,
        ];
  return { ...base, verdict: "not-replayable", notes };
}

function nothingDecidedReason(event: AuditEventContent): string {
  if (event.outcome === "ADMINISTERED") return "an operator's action, not a request: nothing was decided";
  const refusals = event.refusals.map((r) => `${r.rule} by ${r.by}`);
  const codes = event.errorCodes.length ? `: ${event.errorCodes.join(", ")}` : "";
  if (event.outcome === "REJECTED" || event.outcome === "FAILED") {
    return `refused before the decide stage${codes}${refusals.length ? ` (${refusals.join(", ")})` : ""}: nothing was decided`;
  }
  return `no selection needed a decision${codes}`;
}

const agreementOf = (policy: string) => policy.split("/")[0] ?? policy;

export function redecide(event: AuditEventContent, pdp: PolicyDecisionPoint): ReplayReport {
  const decisions = [...event.fieldsAllowed, ...event.fieldsDenied];
  const report: ReplayReport = {
    eventId: event.id,
    outcome: event.outcome,
    policyVersion: event.policyVersion,
    replayedVersion: pdp.version,
    status: "nothing-decided",
    reason: null,
    decidedOn: [],
    fields: [],
    refusals: [],
    differences: [],
    gaps: [],
    counts: { same: 0, different: 0, notReplayable: 0 },
  };
  if (decisions.length === 0) {
    const refusals = event.refusals.map((r) => replayRefusal(pdp, r));
    return tally({ ...report, refusals, reason: nothingDecidedReason(event) });
  }
  const found = recordedInputs(event, pdp);
  if ("missing" in found) {
    const fields = decisions.map((d, i): FieldReplay => ({
      recordedIn: i < event.fieldsAllowed.length ? "fieldsAllowed" : "fieldsDenied",
      field: d.field,
      category: d.category,
      owner: d.owner,
      recorded: recordedFacts(d, i < event.fieldsAllowed.length),
      replayed: null,
      verdict: "not-replayable",
      differences: [],
      notes: [found.missing],
    }));
    return tally({ ...report, fields, gaps: [found.missing] });
  }
  const { inputs } = found;
  const fields = [
    ...event.fieldsAllowed.map((d) => replayField(pdp, inputs, event, d, "fieldsAllowed")),
    ...event.fieldsDenied.map((d) => replayField(pdp, inputs, event, d, "fieldsDenied")),
  ];
  const gaps = [...inputs.gaps];
  if (decisions.some((d) => unkeyedOptions(d, event).length > 1)) {
    gaps.push("whether a root list was selected by a key (R5-3) is not recorded: both readings were replayed");
  }
  // What came back is not recorded per field, but what granted it must be among the replayed grants.
  const granted = new Set(
    fields.filter((f) => f.replayed?.allowed).flatMap((f) => (f.replayed?.policies ?? []).map(agreementOf)),
  );
  const differences = event.agreements
    .filter((a) => !granted.has(a))
    .map((a) => `agreement ${a} is recorded as granting what came back, but grants nothing in the replay`);
  return tally({
    ...report,
    decidedOn: inputs.days,
    fields,
    refusals: event.refusals.map((r) => replayRefusal(pdp, r)),
    differences,
    gaps,
  });
}

function tally(report: ReplayReport): ReplayReport {
  const verdicts = [...report.fields, ...report.refusals].map((x) => x.verdict);
  const counts = {
    same: verdicts.filter((v) => v === "same").length,
    different: verdicts.filter((v) => v === "different").length,
    notReplayable: verdicts.filter((v) => v === "not-replayable").length,
  };
  const different = counts.different > 0 || report.differences.length > 0;
  return {
    ...report,
    counts,
    status: different ? "different" : report.fields.length === 0 ? "nothing-decided" : "same",
  };
}
