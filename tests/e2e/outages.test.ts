/**
 * One agency's service down or slow: the others' data is still served beside SUBGRAPH_UNAVAILABLE
 * naming it, the gateway survives without a stack trace per request, every answer is audited once,
 * and /readyz says which subgraph is missing until it is back.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { auditEventCounts, auditEventOf } from "../harness/auditDb";
import { as, gql, hub, type Answer } from "../harness/fixtures";
import { startLoad, type Load } from "../harness/load";
import { complete, personOf, personQuery, traveller, unavailableErrors } from "../harness/travellerQuery";
import { startOwnGateway, startOwnSubgraph, startTcpRelay, type OwnedProcess } from "../harness/processes";

async function readiness(gateway: OwnedProcess, query = "") {
  const res = await fetch(`${gateway.origin}/readyz${query}`);
  return { status: res.status, body: (await res.json()) as { checks: Record<string, { ok: boolean }> } };
}

const owned: OwnedProcess[] = [];
const loads: Load<unknown>[] = [];
afterAll(async () => {
  // A failed expectation must not leave load running past the test.
  await Promise.all(loads.map((l) => l.stop()));
  await Promise.all(owned.map((p) => p.stop("SIGKILL")));
});

describe("a subgraph killed mid-load", () => {
  it("keeps the other agencies' data, names the missing one, audits every answer once, and recovers", async () => {
    const person = traveller();
    const borderPolice = await startOwnSubgraph("border-police");
    const gateway = await startOwnGateway({ BORDER_POLICE_URL: `${borderPolice.origin}/graphql` });
    owned.push(borderPolice, gateway);
    const before = await readiness(gateway);
    expect(before.status).toBe(200);
    expect(Object.keys(before.body.checks).sort()).toEqual([
      "audit-store",
      "keys",
      "policies",
      "subgraph:audit",
      "subgraph:border-police",
      "subgraph:migration-service",
      "subgraph:statistics-office",
      "supergraph",
    ]);
    const subgraphReady = await readiness(borderPolice);
    expect(subgraphReady.status).toBe(200);
    expect(Object.keys(subgraphReady.body.checks).sort()).toEqual(["database", "keys", "policies"]);

    const load = startLoad(personQuery(gateway.origin, await as("border-officer"), person.personRef), 6);
    loads.push(load);
    await load.until((r) => r.value !== undefined && complete(r.value));
    await borderPolice.stop("SIGKILL");
    const degraded = await load.until((r) => r.value !== undefined && unavailableErrors(r.value).length > 0);
    await new Promise((r) => setTimeout(r, 1500));

    const ready = await readiness(gateway);
    expect(ready.status).toBe(503);
    expect(ready.body.checks["subgraph:border-police"]?.ok).toBe(false);
    expect(ready.body.checks["subgraph:migration-service"]?.ok).toBe(true);
    // A load balancer's probe leaves the subgraphs out: one agency down keeps the gateway in service.
    const own = await readiness(gateway, "?exclude=subgraphs");
    expect(own.status).toBe(200);
    expect(Object.keys(own.body.checks).sort()).toEqual(["audit-store", "keys", "policies", "supergraph"]);
    expect((await fetch(`${gateway.origin}/readyz?exclude=audit-store`)).status).toBe(400);
    expect((await fetch(`${gateway.origin}/readyz?exclude=subgraphs&exclude=subgraphs`)).status).toBe(400);

    owned.push(await startOwnSubgraph("border-police", {}, borderPolice.port));
    await load.until((r) => r.value !== undefined && complete(r.value));
    const results = await load.stop();
    expect((await readiness(gateway)).status).toBe(200);

    // The degraded answer: identity from the Migration Service, the crossings named as missing.
    const answer = degraded.value as Answer;
    expect(answer.status).toBe(200);
    expect(personOf(answer)).toMatchObject({ givenName: person.givenName, crossings: null });
    expect(unavailableErrors(answer)).toEqual([
      expect.objectContaining({
        path: ["person", "crossings"],
        extensions: expect.objectContaining({
          code: "SUBGRAPH_UNAVAILABLE",
          subgraph: "border-police",
          agency: "BORDER_POLICE",
          paths: [["person", "crossings"]],
        }),
      }),
    ]);
    const event = await auditEventOf(answer.headers.get("x-request-id"));
    expect(event?.errorCodes).toEqual(["SUBGRAPH_UNAVAILABLE"]);
    expect(event?.categories).not.toContain("TRAVEL");

    // Every answer kept the identity; none was an internal error; each has one audit event.
    const answers = results.flatMap((r) => (r.value ? [r.value] : []));
    expect(results.filter((r) => r.failure)).toEqual([]);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(personOf(a)?.givenName).toBe(person.givenName);
      expect(complete(a) || unavailableErrors(a).length === 1).toBe(true);
    }
    const degradedCount = answers.filter((a) => !complete(a)).length;
    expect(degradedCount).toBeGreaterThan(5);
    const counts = await auditEventCounts(answers.map((a) => a.headers.get("x-request-id") ?? ""));
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);

    // The gateway lived through it and logged the outage, not each request.
    expect(gateway.child.exitCode).toBeNull();
    const log = gateway.output();
    expect(log).not.toMatch(/"stack"|unexpected error/);
    const outageLines = log.split("\n").filter((l) => l.includes('"subgraph":"border-police"'));
    expect(outageLines.length).toBeGreaterThan(0);
    expect(outageLines.length).toBeLessThan(5);
    expect(log).toContain("subgraph available again");
  });
});

describe("a slow subgraph", () => {
  it("answers SUBGRAPH_UNAVAILABLE within the subgraph's configured timeout, beside the other data", async () => {
    const person = traveller();
    const target = new URL(hub.subgraphs["border-police"]?.url ?? "");
    const relay = await startTcpRelay("127.0.0.1", Number(target.port));
    const gateway = await startOwnGateway({
      BORDER_POLICE_URL: `http://127.0.0.1:${relay.port}/graphql`,
      HUB_SUBGRAPH_TIMEOUT_MS: "20000",
      BORDER_POLICE_TIMEOUT_MS: "1000",
    });
    owned.push(gateway);
    try {
      const ask = personQuery(gateway.origin, await as("border-officer"), person.personRef);
      expect(complete(await ask())).toBe(true);
      relay.stall();
      const started = Date.now();
      const answer = await ask();
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(950);
      expect(took).toBeLessThan(3000);
      expect(personOf(answer)).toMatchObject({ givenName: person.givenName, crossings: null });
      expect(unavailableErrors(answer)[0]?.extensions).toMatchObject({
        subgraph: "border-police",
        agency: "BORDER_POLICE",
      });
      // Nothing else asked for: nothing came back, so the answer is 503 for the client to retry.
      const alone = await gql(`query ($ref: ID) { crossings(personRef: $ref) { direction } }`, {
        ...(await as("border-officer")),
        url: `${gateway.origin}/graphql`,
        variables: { ref: person.personRef },
      });
      expect(alone.status).toBe(503);
      expect(unavailableErrors(alone)[0]?.path).toEqual(["crossings"]);
      relay.resume();
      expect(complete(await ask())).toBe(true);
    } finally {
      await relay.close();
    }
  });
});
