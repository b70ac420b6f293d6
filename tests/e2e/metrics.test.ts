/**
 * Prometheus metrics on the gateway: /metrics answers, and its counters move as a request is
 * served and another denied; label values are from the hub's vocabulary, never a person's.
 */
import { describe, expect, it } from "@jest/globals";
import { as, gql, hub, world } from "../harness/fixtures";
import { startOwnGateway, freePort } from "../harness/processes";

const origin = new URL(hub.gatewayUrl).origin;

/** The value of one series (name and exact labels) in a Prometheus text exposition; 0 when absent. */
function valueOf(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function scrape(url = `${origin}/metrics`): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

const ALLOWED = 'hub_requests_total{agency="BORDER_POLICE",purpose="BORDER_CHECK",outcome="ALLOWED"}';
const DENIED = 'hub_requests_total{agency="BORDER_POLICE",purpose="BORDER_CHECK",outcome="DENIED"}';
const R53 = 'hub_denials_total{rule="R5-3"}';

describe("gateway /metrics", () => {
  it("counts a served request and a denied one, with decision, audit and subgraph timings", async () => {
    const before = await scrape();
    const officer = await as("border-officer");
    const served = await gql(`{ crossingPoints { code } }`, officer);
    expect(served.status).toBe(200);
    const denied = await gql(`{ crossings(personRef: "", first: 3) { direction } }`, officer);
    expect(denied.status).toBe(403);
    const after = await scrape();

    expect(valueOf(after, ALLOWED) - valueOf(before, ALLOWED)).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, DENIED) - valueOf(before, DENIED)).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, R53) - valueOf(before, R53)).toBeGreaterThanOrEqual(1);
    for (const series of [
      "hub_decision_duration_seconds_count",
      'hub_subgraph_request_duration_seconds_count{subgraph="border-police"}',
      'hub_audit_flush_duration_seconds_count{result="written"}',
      "hub_audit_events_written_total",
    ]) {
      expect({ series, moved: valueOf(after, series) > valueOf(before, series) }).toEqual({ series, moved: true });
    }
    expect(after).toMatch(/^hub_audit_queue_depth \d+$/m);
    expect(after).toMatch(/^process_cpu_seconds_total /m);
  });

  it("labels only with the hub's vocabulary: no subject, personRef or caller-chosen purpose", async () => {
    const officer = await as("border-officer");
    const person = world().persons[5];
    if (!person) throw new Error("the seeded world is empty");
    await gql(`query ($ref: ID!) { person(personRef: $ref) { familyName } }`, {
      ...officer,
      variables: { ref: person.personRef },
    });
    await gql(`{ crossingPoints { code } }`, { ...officer, purpose: "Made-Up-Purpose" });
    const text = await scrape();
    expect(text).not.toContain(person.personRef);
    expect(text).not.toContain("officer-0147");
    expect(text).not.toContain("Made-Up-Purpose");
    expect(
      valueOf(text, 'hub_requests_total{agency="BORDER_POLICE",purpose="NONE",outcome="REJECTED"}'),
    ).toBeGreaterThan(0);
  });

  it("serves /metrics on a port of its own when HUB_METRICS_PORT is set, and not beside /graphql", async () => {
    const metricsPort = await freePort();
    const gateway = await startOwnGateway({ HUB_METRICS_PORT: String(metricsPort) });
    try {
      expect(await scrape(`http://127.0.0.1:${metricsPort}/metrics`)).toContain("hub_requests_total");
      const beside = await fetch(`${gateway.origin}/metrics`);
      expect(beside.status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});
