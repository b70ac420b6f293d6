/**
 * The gateway's HTTP server: wires the request pipeline (pipeline/requestPipeline.ts) to
 * `/graphql`, beside the demo sign-in and the explorer and auditor pages.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import express from "express";
import { pino, type Logger } from "pino";
import { apolloLogger, hubLogOptions, requestFailureAnswer } from "@hub/contracts";
import { PolicyDecisionPoint } from "@hub/policies";
import { loadSigningKey } from "./auth/devKeys";
import { TrustedIssuers } from "./auth/TrustedIssuers";
import { createTokenVerifier } from "./auth/verifyToken";
import { memoryReplayStore, redisReplayStore } from "./auth/dpop";
import { adminRoutes } from "./admin/adminRoutes";
import { startCallerAlarm } from "./alarm/startCallerAlarm";
import { KeyDistrustStore } from "./admin/KeyDistrustStore";
import { AUDIT_UNAVAILABLE } from "./audit/auditTrail";
import { createAuditTrail } from "./audit/createAuditTrail";
import { storePolicyVersion } from "./audit/policyVersionStore";
import type { GatewayConfig } from "./config";
import { createDecideStage } from "./decisions/decideOperation";
import { demoRoutes } from "./demo/demoRoutes";
import { createGateway } from "./execution/createGateway";
import { healthRoutes } from "./health/healthRoutes";
import type { ExecutionContext } from "./execution/ExecutionRecorder";
import { stringifyUnrecorded } from "./execution/executeOperation";
import { HubGateway } from "./execution/HubGateway";
import { hubPlugin } from "./execution/hubPlugin";
import { buildFieldCatalog } from "./fields/FieldCatalog";
import { createHubContextSigner } from "./hubContext/signHubContext";
import { IntrospectionSchemas } from "./introspection/IntrospectionSchemas";
import { createLimits } from "./limits";
import { HubMetrics } from "./metrics/hubMetrics";
import { serveMetrics } from "./metrics/serveMetrics";
import { createErrorNormaliser } from "./normaliseError";
import { OutageLog } from "./outages/OutageLog";
import { createRequestPipeline } from "./pipeline/requestPipeline";
import { agencyKeysRoute } from "./provenance/agencyKeysRoute";
import { createRateLimits } from "./rateLimits/RateLimits";
import { webPages } from "./web/webPages";

export interface HubServer {
  url: string;
  log: Logger;
  stop: () => Promise<void>;
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
  const issuers = new TrustedIssuers(config.identity, log);
  await startIssuers(issuers, log);
  const sign = createHubContextSigner(await loadSigningKey(config.hubContextKeyPath), config.hubContextTtlSeconds);
  const pdp = loadPolicies(config);
  await storePolicyVersion(pdp, { ...config.audit, policyPaths: config.policyPaths, country: config.country }, log);
  const metrics = config.metrics.kind === "off" ? undefined : new HubMetrics();
  const trail = createAuditTrail(config, pdp.version, log, metrics?.auditFlushed.bind(metrics));
  metrics?.watchAuditQueue(() => trail.writer.queueDepth);
  const catalog = buildFieldCatalog(supergraphSdl);
  const limits = createLimits(config.limits);
  const decide = createDecideStage({
    catalog,
    pdp,
    introspection: new IntrospectionSchemas(catalog, pdp),
    log,
    cost: { max: config.limits.cost, ...config.costModel },
  });
  const rateLimits = createRateLimits(config.rateLimits, log);
  // DPoP proofs are single-use across every gateway of a deployment when Redis is there.
  const replay = rateLimits.redis
    ? redisReplayStore(rateLimits.redis, `${config.rateLimits.keyPrefix}:dpop`)
    : memoryReplayStore();
  const verifyToken = createTokenVerifier(config.identity, issuers, config.country, replay);
  const distrusts = new KeyDistrustStore(config.audit.databaseUrl, log, config.audit.connectTimeoutMs);
  await distrusts.watch(issuers);
  const alarm = startCallerAlarm(config, trail, rateLimits.redis, log);

  const server = new ApolloServer<ExecutionContext>({
    gateway: new HubGateway(createGateway(supergraphSdl, config, sign, new OutageLog(log), metrics)),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // Shutdown is ours (shutdownOnSignals): Apollo's own handler would stop the server under the
    // requests in flight and re-send the signal, exiting before they are answered and audited.
    stopOnTerminationSignals: false,
    // Every caller sees its own filtered schema (introspection/), in production too.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger: apolloLogger(log),
    formatError: createErrorNormaliser(log),
    // The pipeline answers from the recorded result: Apollo need not serialise it too.
    stringifyResult: stringifyUnrecorded,
    plugins: [hubPlugin(metrics ? metrics.timeDecide(decide) : decide)],
  });
  await server.start();
  const pipeline = createRequestPipeline({
    server,
    verifyToken,
    publicUrl: config.identity.publicUrl,
    hostStandsIn: config.demoMode,
    pdp,
    trail,
    limits: { maxBodyBytes: config.maxBodyBytes },
    rateLimits,
    alarm: alarm.alarm,
    log,
    ...(metrics ? { observe: metrics.recordRequest.bind(metrics) } : {}),
  });

  const app = express();
  app.disable("x-powered-by");
  let draining = false;
  let inFlight = 0;
  app.use(healthRoutes({ config, policyVersion: pdp.version, supergraphSdl, issuers }));
  app.use("/admin", adminRoutes({ adminKeyPath: config.adminKeyPath, issuers, distrusts, trail, log }));
  app.use("/demo", demoRoutes(config, log));
  app.use(agencyKeysRoute(supergraphSdl, config.subgraphUrls, log));
  const stopMetrics = await serveMetrics(config, metrics, app, log);
  app.all("/graphql", (req, res) => {
    inFlight += 1;
    res.once("close", () => (inFlight -= 1));
    void pipeline(req).then(
      (answer) => {
        // While draining, each answer closes its connection so keep-alive clients move on.
        if (draining) res.setHeader("connection", "close");
        if (answer.requestId) res.setHeader("x-request-id", answer.requestId);
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
      // No new connections; requests in flight finish (and are audited) before the audit writer
      // stops and drains its buffer. Idle keep-alive connections are closed as they become idle.
      draining = true;
      log.info({ inFlight }, "draining");
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const idle = setInterval(() => httpServer.closeIdleConnections(), 50);
      httpServer.closeIdleConnections();
      await closed.finally(() => clearInterval(idle));
      await server.stop();
      await trail.writer.stop();
      await rateLimits.stop();
      await distrusts.stop();
      await alarm.stop();
      await stopMetrics();
    },
  };
}

/**
 * Fetches every trusted issuer's keys before the gateway listens. A provider that cannot be reached
 * or does not match its configuration does not stop the start (it may come back, and the gateway
 * then serves without a restart), but it is said loudly and /readyz stays 503 until it answers.
 */
async function startIssuers(issuers: TrustedIssuers, log: Logger): Promise<void> {
  for (const status of await issuers.start()) {
    if (status.state === "unavailable") {
      log.error(
        { issuer: status.issuer, error: status.lastError },
        "identity provider unavailable at start: its tokens are refused (503) and /readyz fails until it answers",
      );
    } else {
      log.info(
        { issuer: status.issuer, keyIds: status.keyIds, source: status.source },
        "identity provider keys loaded",
      );
    }
  }
}

/** Errors of the other routes (demo sign-in, pages) get a JSON answer, never an HTML stack page. */
function jsonErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, _next) => {
    const answer = requestFailureAnswer(error.status);
    if (answer.unexpected) log.error({ err: error }, "request failed");
    res.status(answer.status).json(answer.body);
  };
}
