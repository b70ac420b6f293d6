/**
 * The gateway's HTTP server: wires the request pipeline (pipeline/requestPipeline.ts) to
 * `/graphql`, beside the demo sign-in and the explorer and auditor pages.
 */
import { createHash, type JsonWebKey } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import express from "express";
import { pino, type Logger } from "pino";
import { apolloLogger, hubLogOptions, requestFailureAnswer } from "@hub/contracts";
import { PolicyDecisionPoint } from "@hub/policies";
import { loadSigningKey } from "./auth/devKeys";
import { createTokenVerifier } from "./auth/verifyToken";
import { AUDIT_UNAVAILABLE, type AuditTrail } from "./audit/auditTrail";
import { AuditWriter } from "./audit/AuditWriter";
import { createValueHasher } from "./audit/buildAuditEvent";
import type { GatewayConfig } from "./config";
import { createDecideStage } from "./decisions/decideOperation";
import { demoRoutes } from "./demo/demoRoutes";
import { createGateway } from "./execution/createGateway";
import type { ExecutionContext } from "./execution/ExecutionRecorder";
import { HubGateway } from "./execution/HubGateway";
import { hubPlugin } from "./execution/hubPlugin";
import { buildFieldCatalog } from "./fields/FieldCatalog";
import { createHubContextSigner } from "./hubContext/signHubContext";
import { IntrospectionSchemas } from "./introspection/IntrospectionSchemas";
import { createLimits } from "./limits";
import { HubMetrics } from "./metrics/hubMetrics";
import { serveMetrics } from "./metrics/serveMetrics";
import { createErrorNormaliser } from "./normaliseError";
import { createRequestPipeline } from "./pipeline/requestPipeline";
import { webPages } from "./web/webPages";

export interface HubServer {
  url: string;
  log: Logger;
  stop: () => Promise<void>;
}

async function createAuditTrail(
  config: GatewayConfig,
  policyVersion: string,
  log: Logger,
  metrics: HubMetrics | undefined,
): Promise<AuditTrail> {
  const key = readPrivateJwk(config.audit.keyPath);
  const writer = new AuditWriter({
    ...config.audit,
    signingKey: key,
    log,
    onFlush: metrics?.auditFlushed.bind(metrics),
  });
  metrics?.watchAuditQueue(() => writer.queueDepth);
  return {
    writer,
    policyVersion,
    // Personal values in operations are kept only as keyed hashes; the key derives from the audit key.
    hash: createValueHasher(
      createHash("sha256")
        .update(`audit-values:${key.d ?? ""}`)
        .digest("hex"),
    ),
  };
}

function readPrivateJwk(file: string): JsonWebKey & { kid?: string } {
  try {
    const jwk = JSON.parse(readFileSync(file, "utf8")) as JsonWebKey & { kid?: string };
    if (!jwk.d) throw new Error("not a private key");
    return jwk;
  } catch {
    throw new Error(`Cannot read the audit signing key (AUDIT_KEY) at ${file}`);
  }
}

function loadPolicies(config: GatewayConfig): PolicyDecisionPoint {
  try {
    return PolicyDecisionPoint.load(config.policyPaths, config.country);
  } catch (error) {
    throw new Error(`Cannot load the policy set: ${(error as Error).message}`);
  }
}

function readSupergraph(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new Error(`Cannot read the supergraph (HUB_SUPERGRAPH) at ${file}; run npm run compose`);
  }
}

export async function startHubServer(config: GatewayConfig): Promise<HubServer> {
  const log = pino({ name: "gateway", level: config.logLevel, ...hubLogOptions(pino.stdSerializers.err) });
  const supergraphSdl = readSupergraph(config.supergraphPath);
  const verifyToken = createTokenVerifier(config);
  const sign = createHubContextSigner(await loadSigningKey(config.hubContextKeyPath), config.hubContextTtlSeconds);
  const pdp = loadPolicies(config);
  const metrics = config.metrics.kind === "off" ? undefined : new HubMetrics();
  const trail = await createAuditTrail(config, pdp.version, log, metrics);
  const catalog = buildFieldCatalog(supergraphSdl);
  const limits = createLimits(config.limits);
  const decide = createDecideStage({ catalog, pdp, introspection: new IntrospectionSchemas(catalog, pdp), log });

  const server = new ApolloServer<ExecutionContext>({
    gateway: new HubGateway(createGateway(supergraphSdl, config, sign, metrics)),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // Every caller sees its own filtered schema (introspection/), in production too.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger: apolloLogger(log),
    formatError: createErrorNormaliser(log),
    plugins: [hubPlugin(metrics ? metrics.timeDecide(decide) : decide)],
  });
  await server.start();
  const pipeline = createRequestPipeline({
    server,
    verifyToken,
    pdp,
    trail,
    limits: { maxBodyBytes: config.maxBodyBytes },
    log,
    ...(metrics ? { observe: metrics.recordRequest.bind(metrics) } : {}),
  });

  const app = express();
  app.disable("x-powered-by");
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use("/demo", demoRoutes(config, log));
  const stopMetrics = await serveMetrics(config, metrics, app, log);
  app.all("/graphql", (req, res) => {
    void pipeline(req).then(
      (answer) => {
        res.setHeader("x-request-id", answer.requestId);
        for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
        res.status(answer.status).json(answer.body);
      },
      (error: unknown) => {
        // The pipeline audits every outcome itself; reaching here means the audit stage itself threw.
        log.error({ err: error }, "request pipeline failed");
        if (!res.headersSent) res.status(503).json({ errors: [AUDIT_UNAVAILABLE] });
      },
    );
  });
  app.use(webPages(config.webDir));
  app.use(jsonErrorHandler(log));

  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const url = `http://${config.host}:${config.port}/graphql`;
  log.info({ url }, "gateway ready");
  return {
    url,
    log,
    stop: async () => {
      // No new requests; those in flight finish (and are audited) before the audit writer stops.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await closed;
      await server.stop();
      await trail.writer.stop();
      await stopMetrics();
    },
  };
}

/** Errors of the other routes (demo sign-in, pages) get a JSON answer, never an HTML stack page. */
function jsonErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, _next) => {
    const answer = requestFailureAnswer(error.status);
    if (answer.unexpected) log.error({ err: error }, "request failed");
    res.status(answer.status).json(answer.body);
  };
}
