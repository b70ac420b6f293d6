/**
 * The gateway restarted under load: SIGTERM lets the requests in flight finish (each audited once)
 * before it exits, the next process takes the same port, and the audit chain still verifies.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { auditEventCounts, verifyAuditLog } from "../harness/auditDb";
import { as, hub, type Answer } from "../harness/fixtures";
import { startLoad } from "../harness/load";
import { startOwnGateway, startOwnSubgraph, startTcpRelay, type OwnedProcess } from "../harness/processes";
import { complete, personOf, personQuery, traveller, unavailableErrors } from "../harness/travellerQuery";

const owned: OwnedProcess[] = [];
afterAll(async () => {
  await Promise.all(owned.map((p) => p.stop("SIGKILL")));
});

const exitCode = (p: OwnedProcess) =>
  new Promise<number | null>((resolve) =>
    p.child.exitCode !== null ? resolve(p.child.exitCode) : p.child.once("exit", (code) => resolve(code)),
  );

describe("the gateway restarted under load", () => {
  it("answers and audits the requests in flight at SIGTERM, and every answered request has one audit event", async () => {
    const person = traveller();
    // The Border Police behind a relay the test can stall: requests then wait at the gateway.
    const target = new URL(hub.subgraphs["border-police"]?.url ?? "");
    const relay = await startTcpRelay("127.0.0.1", Number(target.port));
    const env = {
      BORDER_POLICE_URL: `http://127.0.0.1:${relay.port}/graphql`,
      BORDER_POLICE_TIMEOUT_MS: "2500",
      HUB_SHUTDOWN_TIMEOUT_MS: "15000",
    };
    const first = await startOwnGateway(env);
    owned.push(first);
    const options = await as("border-officer");
    const ask = personQuery(first.origin, options, person.personRef);
    const load = startLoad(ask, 4);
    try {
      await load.until((r) => r.value !== undefined && complete(r.value));

      relay.stall();
      const held = [ask(), ask(), ask()];
      await new Promise((r) => setTimeout(r, 500));
      const exited = exitCode(first);
      first.child.kill("SIGTERM");
      const heldAnswers: Answer[] = await Promise.all(held);
      relay.resume();
      expect(await exited).toBe(0);

      const second = await startOwnGateway(env, first.port);
      owned.push(second);
      await load.until((r) => r.value !== undefined && complete(r.value));
      const results = await load.stop();

      // In flight at SIGTERM: answered (the stalled agency named), with the other agencies' data.
      for (const a of heldAnswers) {
        expect(a.status).toBe(200);
        expect(personOf(a)?.givenName).toBe(person.givenName);
        expect(unavailableErrors(a)).toHaveLength(1);
      }
      const answered = [...heldAnswers, ...results.flatMap((r) => (r.value ? [r.value] : []))];
      const ids = answered.flatMap((a) => a.headers.get("x-request-id") ?? []);
      expect(ids.length).toBeGreaterThan(10);
      const counts = await auditEventCounts(ids);
      expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
      expect(first.output()).toContain("draining");
      expect(first.output()).not.toMatch(/"stack"/);

      const verification = await verifyAuditLog();
      expect(verification.output).not.toMatch(/broken|FAILED/i);
      expect(verification.code).toBe(0);
    } finally {
      await load.stop();
      await relay.close();
    }
  });

  it("exits at once on a second signal, and a subgraph stops cleanly on SIGTERM", async () => {
    const target = new URL(hub.subgraphs["border-police"]?.url ?? "");
    const relay = await startTcpRelay("127.0.0.1", Number(target.port));
    const gateway = await startOwnGateway({
      BORDER_POLICE_URL: `http://127.0.0.1:${relay.port}/graphql`,
      BORDER_POLICE_TIMEOUT_MS: "20000",
    });
    owned.push(gateway);
    try {
      relay.stall();
      const held = personQuery(gateway.origin, await as("border-officer"), traveller().personRef)().catch(() => null);
      await new Promise((r) => setTimeout(r, 500));
      const exited = exitCode(gateway);
      gateway.child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      gateway.child.kill("SIGTERM");
      expect(await exited).toBe(1);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(gateway.output()).toContain("second signal");
      await held;
    } finally {
      await relay.close();
    }

    const subgraph = await startOwnSubgraph("border-police");
    owned.push(subgraph);
    const stopped = exitCode(subgraph);
    subgraph.child.kill("SIGTERM");
    expect(await stopped).toBe(0);
    expect(subgraph.output()).toContain('"msg":"stopped"');
  });
});
