/**
 * OpenTelemetry traces when OTEL_EXPORTER_OTLP_ENDPOINT is set: a gateway and a subgraph of the
 * test's own export to a small OTLP/HTTP collector here; one request's spans from both share one
 * trace id, and that id is in the request's audit record. A collector that is gone costs nothing.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "@jest/globals";
import { auditEventOf } from "../harness/auditDb";
import { as, gql } from "../harness/fixtures";
import { startOwnGateway, startOwnSubgraph, subgraphUrlVariable } from "../harness/processes";

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string; name: string }[] }[];
  }[];
}

/** Accepts OTLP/HTTP JSON on POST /v1/traces; remembers the services that sent spans in each trace. */
async function startCollector() {
  const traces = new Map<string, Set<string>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpJson;
        for (const resourceSpans of body.resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((a) => a.key === "service.name")?.value.stringValue;
          for (const scope of resourceSpans.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) {
              const services = traces.get(span.traceId) ?? new Set<string>();
              traces.set(span.traceId, services.add(service ?? "?"));
            }
          }
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    traces,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(probe: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for spans");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const QUERY = `{ crossingPoints { code } }`;

describe("distributed traces", () => {
  it("joins the gateway's and the subgraph's spans in one trace, named in the audit record", async () => {
    const collector = await startCollector();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: "100" };
    const subgraph = await startOwnSubgraph("border-police", otel);
    const gateway = await startOwnGateway({
      ...otel,
      [subgraphUrlVariable("border-police")]: `${subgraph.origin}/graphql`,
    });
    try {
      const url = `${gateway.origin}/graphql`;
      const res = await gql(QUERY, { ...(await as("border-officer")), url });
      expect(res.status).toBe(200);
      const event = await auditEventOf(res.headers.get("x-request-id"));
      expect(event?.traceId).toMatch(/^[0-9a-f]{32}$/);
      const services = await until(() => {
        const seen = collector.traces.get(event?.traceId ?? "");
        return seen?.has("gateway") && seen.has("border-police") ? seen : undefined;
      });
      expect([...services].sort()).toEqual(["border-police", "gateway"]);
      // An auditor reads it through the hub (the shared gateway and audit subgraph).
      const read = await gql(`query ($id: ID!) { auditEvent(id: $id) { requestId traceId } }`, {
        ...(await as("auditor")),
        variables: { id: event?.id },
      });
      expect(read.body.data?.auditEvent).toEqual({ requestId: event?.requestId, traceId: event?.traceId });

      // The collector goes away: requests are served as before, their records still name a trace.
      await collector.close();
      const started = Date.now();
      const after = await gql(QUERY, { ...(await as("border-officer")), url });
      expect(after.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await auditEventOf(after.headers.get("x-request-id")))?.traceId).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await gateway.stop();
      await subgraph.stop();
      await collector.close().catch(() => undefined);
    }
  });

  it("traces nothing without an endpoint: the shared hub's audit records have no trace id", async () => {
    const res = await gql(QUERY, await as("border-officer"));
    expect(res.status).toBe(200);
    const event = await auditEventOf(res.headers.get("x-request-id"));
    expect(event).toBeDefined();
    expect(event).not.toHaveProperty("traceId");
  });
});
