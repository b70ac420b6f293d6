/** The "Audit chain ceiling" section of BENCHMARKS.md, and the comparison the chain's design rests on. */
import type { AuditCompleteness } from "./auditBench";
import type { ChainCeiling } from "./chainCeiling";

const n = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const times = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}×` : "–");

/** One chain suffices while it takes at least four times what one gateway can answer (one audit event each). */
export function chainVerdict(ceiling: ChainCeiling): { ceiling: number; onePeak: number; suffices: boolean } {
  const most = ceiling.writers[ceiling.writers.length - 1];
  const onePeak = ceiling.replicas[0]?.rps ?? Number.NaN;
  const value = most?.eventsPerSecond ?? Number.NaN;
  return { ceiling: value, onePeak, suffices: value >= 4 * onePeak };
}

export function chainCeilingSection(ceiling: ChainCeiling, completeness: AuditCompleteness): string[] {
  const one = ceiling.writers[0]?.eventsPerSecond ?? Number.NaN;
  const oneGateway = ceiling.replicas[0]?.rps ?? Number.NaN;
  const verdict = chainVerdict(ceiling);
  const most = ceiling.writers[ceiling.writers.length - 1]?.writers ?? 0;
  return [
    `Every gateway process extends the one hash chain under one lock (the head row, \`SELECT … FOR UPDATE\`, held until the commit). Each writer below is its own process with the gateway's audit writer and defaults (group commit, ${ceiling.concurrency} requests waiting on it at once), appending copies of the hub's own events to a scratch log on the same PostgreSQL server; the writers of a round start and stop counting at the same instant.`,
    "",
    "| writer processes | events per second | × one writer | append p50 / p99 ms | events per transaction | time waiting for the chain lock | refused |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...ceiling.writers.map(
      (w) =>
        `| ${w.writers} | ${n(w.eventsPerSecond)} | ${times(w.eventsPerSecond, one)} | ${n(w.p50, 1)} / ${n(w.p99, 1)} | ${n(w.meanBatch, 1)} | ${n(w.lockWaitShare * 100, 0)} % | ${w.refused} |`,
    ),
    "",
    `After the flood the audit subgraph's verifier read the scratch log back: ${ceiling.verification}.`,
    "",
    `The hub with 1, 2 and 4 gateway processes on the same subgraphs and audit store, each gateway driven by its own load process with ${ceiling.replicas.length > 0 ? "the same" : "no"} connections (${ceiling.query.label}, the hub's cheapest and fastest query):`,
    "",
    "| gateway processes | hub rps (all together) | × one gateway | answers not full |",
    "| ---: | ---: | ---: | ---: |",
    ...ceiling.replicas.map((r) => `| ${r.gateways} | ${n(r.rps)} | ${times(r.rps, oneGateway)} | ${r.incomplete} |`),
    "",
    `Over those rounds: ${completeness.answered} answers with status 2xx, ${completeness.lost} without an audit event, ${completeness.duplicated} with more than one.`,
    "",
    `Chain ceiling with ${most} writers: ${n(verdict.ceiling)} events per second; four times one gateway's peak (${n(verdict.onePeak)} answers per second, one audit event each): ${n(4 * verdict.onePeak)}. ${
      verdict.suffices
        ? "The ceiling is above it: one chain suffices here (docs/decisions/0010-one-audit-chain.md says why, and at what load it stops)."
        : "The ceiling is below it: one chain caps the hub before four replicas do (docs/decisions/0010-one-audit-chain.md)."
    }`,
  ];
}
