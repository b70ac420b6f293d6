/**
 * The OpenTelemetry Node SDK as the hub uses it: spans only (metrics are Prometheus, logs are pino),
 * exported as OTLP/HTTP JSON, W3C trace context on every incoming and outgoing call. Nothing
 * personal goes into a span: query strings of GraphQL GET requests are redacted, GraphQL values
 * and SQL parameters are not recorded, and no header is copied.
 */
import type { IncomingMessage } from "node:http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { ExpressInstrumentation, ExpressLayerType } from "@opentelemetry/instrumentation-express";
import { GraphQLInstrumentation } from "@opentelemetry/instrumentation-graphql";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { NodeSDK } from "@opentelemetry/sdk-node";

/** Probes and scrapes are not worth a trace each. */
const UNTRACED_PATHS = new Set(["/health", "/healthz", "/readyz", "/metrics"]);

export function createTracingSdk(serviceName: string): NodeSDK {
  return new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    // Traces only: these would otherwise be started from the same OTEL_* environment.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.has((req.url ?? "").split("?")[0] ?? ""),
        // A GET /graphql carries the operation and its variables (personal values) in the query string.
        redactedQueryParamsServer: ["query", "variables", "extensions", "operationName"],
        redactedQueryParams: ["query", "variables", "extensions", "operationName"],
      }),
      // Node's own fetch (undici): the gateway's calls to the subgraphs, whichever fetcher makes them.
      new UndiciInstrumentation(),
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true, mergeItems: true }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
}
