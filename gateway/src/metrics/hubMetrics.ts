/**
 * The gateway's Prometheus metrics, all in one registry: requests by agency, purpose and outcome,
 * denials by rule, decision latency, the audit queue and its flushes, and each subgraph's latency
 * and errors. Every label value comes from a fixed vocabulary (agencies, purposes, outcomes, rule
 * ids of the policy set, subgraph names); a subject, a personRef or any other caller-chosen string
 * never becomes a label, so the series stay few and carry nothing personal.
 */
import { performance } from "node:perf_hooks";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { isAgency, isPurpose, type AuditEventContent } from "@hub/contracts";
import type { Audited } from "../audit/auditTrail";
import type { FlushReport } from "../audit/AuditWriter";
import type { DecideStage } from "../decisions/decideOperation";

/** Seconds: the decide stage is meant to take microseconds, a flush or a subgraph call milliseconds. */
const FAST_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];
const CALL_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Rule ids are the policy set's (`R5-1`, `c108-special-categories`); anything else is counted as one. */
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export type SubgraphErrorKind = "unavailable" | "internal";

export class HubMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: "hub_requests_total",
    help: "Requests answered, by the caller's agency (FOREIGN for a foreign authority, NONE when unauthenticated), declared purpose (NONE when missing or not a hub purpose) and audited outcome",
    labelNames: ["agency", "purpose", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly denials = new Counter({
    name: "hub_denials_total",
    help: "Denied selections (decided by the gateway) and withheld records (by a subgraph), by rule",
    labelNames: ["rule"] as const,
    registers: [this.registry],
  });
  private readonly decisions = new Histogram({
    name: "hub_decision_duration_seconds",
    help: "Time of the decide stage: collecting an operation's selections and deciding each",
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });
  private readonly flushes = new Histogram({
    name: "hub_audit_flush_duration_seconds",
    help: "Time of one group commit of audit events, by result",
    labelNames: ["result"] as const,
    buckets: CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly lockWaits = new Histogram({
    name: "hub_audit_chain_lock_wait_seconds",
    help: "Time one group commit waited for the audit chain's lock, held by other gateway processes' appends",
    buckets: CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly flushedEvents = new Counter({
    name: "hub_audit_events_written_total",
    help: "Audit events made durable",
    registers: [this.registry],
  });
  private readonly subgraphCalls = new Histogram({
    name: "hub_subgraph_request_duration_seconds",
    help: "Time of one call to a subgraph, from sending it to its answer or failure",
    labelNames: ["subgraph"] as const,
    buckets: CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly subgraphErrors = new Counter({
    name: "hub_subgraph_errors_total",
    help: "Subgraph calls that failed (unavailable: no answer or an HTTP error; internal: an answer with an unexpected error)",
    labelNames: ["subgraph", "kind"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The audit queue's depth, read at every scrape. */
  watchAuditQueue(depth: () => number): void {
    new Gauge({
      name: "hub_audit_queue_depth",
      help: "Audit events waiting for their group commit",
      registers: [this.registry],
      collect() {
        this.set(depth());
      },
    });
  }

  /** What the audit stage knows of a finished request: who, for what, with what outcome, denied by which rules. */
  recordRequest({ event, durable }: Audited): void {
    this.requests.inc({
      agency: agencyLabel(event.agency),
      purpose: isPurpose(event.purpose) ? event.purpose : "NONE",
      outcome: durable ? event.outcome : "AUDIT_UNAVAILABLE",
    });
    for (const [rule, count] of denialsByRule(event)) this.denials.inc({ rule }, count);
  }

  /** The decide stage, timed. */
  timeDecide(decide: DecideStage): DecideStage {
    return async (input) => {
      const end = this.decisions.startTimer();
      try {
        return await decide(input);
      } finally {
        end();
      }
    };
  }

  auditFlushed({ durationMs, events, written, lockWaitMs }: FlushReport): void {
    this.flushes.observe({ result: written === events ? "written" : "failed" }, durationMs / 1000);
    this.lockWaits.observe(lockWaitMs / 1000);
    if (written > 0) this.flushedEvents.inc(written);
  }

  subgraphCall(subgraph: string, startedAt: number, error?: SubgraphErrorKind): void {
    this.subgraphCalls.observe({ subgraph }, (performance.now() - startedAt) / 1000);
    if (error) this.subgraphErrors.inc({ subgraph, kind: error });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

function agencyLabel(agency: string | null): string {
  if (agency === null) return "NONE";
  return isAgency(agency) ? agency : "FOREIGN";
}

function denialsByRule(event: AuditEventContent): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (rule: string | undefined, count: number) => {
    const label = rule === undefined ? "none" : RULE_ID.test(rule) ? rule : "other";
    counts.set(label, (counts.get(label) ?? 0) + count);
  };
  for (const denied of event.fieldsDenied) add(denied.rule, 1);
  for (const refusal of event.refusals) add(refusal.rule, refusal.count);
  return counts;
}
