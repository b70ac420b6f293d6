/** The replay of an event in words, field by field, as `npm run audit -- replay` prints it. */
import type { DecisionFacts } from "@hub/policies";
import type { ReplayOutcome } from "./replayEvent";

const decision = (d: DecisionFacts | null) =>
  d === null
    ? "not re-decided"
    : d.allowed
      ? `allowed by ${d.policies.join(", ") || "no policy"}`
      : `denied by ${d.rule ?? "?"}${d.policies.length ? ` (${d.policies.join(", ")})` : ""}`;

const VERDICT = { same: "same", different: "DIFFERENT", "not-replayable": "not replayable" } as const;

export function describeReplay(outcome: ReplayOutcome): string {
  const lines: string[] = [];
  const intact = outcome.recordIntact
    ? "the stored record matches its hash"
    : "the stored record does NOT match its hash (altered)";
  if (outcome.kind === "unresolved") {
    lines.push(`event ${outcome.eventId} (#${outcome.seq}) cannot be replayed: ${outcome.reason}`, intact);
    return `${lines.join("\n")}\n`;
  }
  const r = outcome.report;
  lines.push(`event ${r.eventId} (#${outcome.seq}), ${r.outcome}, policy version ${r.policyVersion}`, intact);
  if (r.decidedOn.length) lines.push(`decided on ${r.decidedOn.join(" or ")}`);
  for (const f of r.fields) {
    lines.push(
      `${VERDICT[f.verdict].padEnd(14)} ${f.field} (${f.category} of ${f.owner}): recorded ${decision(f.recorded)}; replayed ${decision(f.replayed)}`,
    );
    for (const d of f.differences) lines.push(`               ${d}`);
    for (const n of f.notes) lines.push(`               note: ${n}`);
  }
  for (const x of r.refusals) {
    lines.push(
      `${VERDICT[x.verdict].padEnd(14)} refusal ${x.rule} by ${x.by}${x.category ? ` (${x.category} of ${x.owner ?? "?"})` : ""}, ${x.count} record${x.count === 1 ? "" : "s"}`,
    );
    for (const n of x.notes) lines.push(`               note: ${n}`);
  }
  for (const d of r.differences) lines.push(`DIFFERENT      ${d}`);
  for (const g of r.gaps) lines.push(`not recorded:  ${g}`);
  const { same, different, notReplayable } = r.counts;
  const verdict =
    r.status === "nothing-decided"
      ? `nothing was decided: ${r.reason ?? ""}`
      : r.status === "same"
        ? "same decision"
        : "INTEGRITY FAILURE: the policy version does not decide as recorded";
  lines.push(`${verdict} (${same} same, ${different} different, ${notReplayable} not replayable)`);
  return `${lines.join("\n")}\n`;
}
