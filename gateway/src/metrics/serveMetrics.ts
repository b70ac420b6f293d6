/**
 * Serves /metrics as configured (HUB_METRICS, HUB_METRICS_PORT): beside /graphql on the gateway's
 * port, on a port of its own (so only the internal network need reach it), or not at all.
 */
import http from "node:http";
import type express from "express";
import type { Logger } from "pino";
import type { GatewayConfig } from "../config";
import type { HubMetrics } from "./hubMetrics";

type MetricsResponse = Pick<http.ServerResponse, "statusCode" | "setHeader" | "end">;

function answer(metrics: HubMetrics, res: MetricsResponse, log: Logger): void {
  metrics.exposition().then(
    ({ contentType, body }) => {
      res.setHeader("content-type", contentType);
      res.end(body);
    },
    (error: unknown) => {
      log.error({ err: error }, "metrics could not be collected");
      res.statusCode = 500;
      res.end();
    },
  );
}

/** Adds the route or starts the listener; resolves with what stops it. */
export async function serveMetrics(
  config: GatewayConfig,
  metrics: HubMetrics | undefined,
  app: express.Express,
  log: Logger,
): Promise<() => Promise<void>> {
  const none = async () => undefined;
  if (!metrics) return none;
  switch (config.metrics.kind) {
    case "off":
      return none;
    case "same-port":
      app.get("/metrics", (_req, res) => answer(metrics, res, log));
      return none;
    case "own-port": {
      const server = http.createServer((req, res) => {
        if (req.method === "GET" && req.url?.split("?")[0] === "/metrics") return answer(metrics, res, log);
        res.statusCode = 404;
        res.end();
      });
      const { port } = config.metrics;
      await new Promise<void>((resolve) => server.listen(port, config.host, resolve));
      log.info({ url: `http://${config.host}:${port}/metrics` }, "metrics listening");
      return () => new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
