/**
 * The gateway's HTTP server: authenticate → declared purpose → decide the operation → plan and
 * execute across subgraphs.
 */
import { createHash, randomUUID, type JsonWebKey } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { pino, type Logger } from "pino";
import { PolicyDecisionPoint } from "@hub/policies";
import { loadSigningKey } from "./auth/devKeys";
import { createTokenVerifier } from "./auth/verifyToken";
import type { GatewayConfig } from "./config";
import { createGateway } from "./createGateway";
import { buildFieldCatalog } from "./fields/FieldCatalog";
import type { HubContext } from "./HubContext";
import { createHubContextSigner } from "./hubContext/signHubContext";
import { filteredIntrospection } from "./introspection/filteredIntrospection";
import { createLimits } from "./limits";
import { createErrorNormaliser } from "./normaliseError";
import { operationGuard } from "./plugins/operationGuard";
import { auditTrail, type AuditTrail } from "./audit/auditTrail";
import { AuditWriter } from "./audit/AuditWriter";
import { createValueHasher } from "./audit/buildAuditEvent";
import { createContextFunction } from "./createContext";
import { PruningGateway } from "./PruningGateway";
import { demoRoutes } from "./demo/demoRoutes";
import { webPages } from "./web/webPages";

export interface HubServer {
  url: string;
  log: Logger;
  stop: () => Promise<void>;
}

async function createAuditTrail(config: GatewayConfig, policyVersion: string, log: Logger): Promise<AuditTrail> {
  const key = readPrivateJwk(config.audit.keyPath);
  return {
    writer: new AuditWriter({ ...config.audit, signingKey: key, log }),
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
  const log = pino({ name: "gateway", level: config.logLevel });
  const supergraphSdl = readSupergraph(config.supergraphPath);
  const verifyToken = createTokenVerifier(config);
  const sign = createHubContextSigner(await loadSigningKey(config.hubContextKeyPath), config.hubContextTtlSeconds);
  const pdp = loadPolicies(config);
  const gateway = new PruningGateway(createGateway(supergraphSdl, config, sign));
  const trail = await createAuditTrail(config, pdp.version, log);

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const limits = createLimits(config.limits);
  const catalog = buildFieldCatalog(supergraphSdl);
  const server = new ApolloServer<HubContext>({
    gateway,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // Every caller sees its own filtered schema (introspection/), in production too.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger: log,
    formatError: createErrorNormaliser(log),
    plugins: [
      ...limits.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      filteredIntrospection(catalog, pdp, log),
      operationGuard(catalog, pdp, log),
      auditTrail(trail),
    ],
  });
  await server.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use("/demo", demoRoutes(config, log));
  app.use(
    "/graphql",
    (req, res, next) => {
      res.locals.requestId = randomUUID();
      res.locals.startedAt = Date.now();
      res.setHeader("x-request-id", res.locals.requestId as string);
      next();
    },
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(server, { context: createContextFunction(verifyToken, trail) }),
  );
  app.use(webPages(config.webDir));
  app.use(jsonErrorHandler(log));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const url = `http://${config.host}:${config.port}/graphql`;
  log.info({ url }, "gateway ready");
  return {
    url,
    log,
    stop: async () => {
      await server.stop();
      await trail.writer.stop();
    },
  };
}

/** Malformed or oversized bodies get a GraphQL-shaped 400/413, never an HTML stack page. */
function jsonErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, _next) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error({ err: error }, "request failed");
    res.status(status).json({
      errors: [
        {
          message:
            status === 413
              ? "The request body is too large."
              : status === 500
                ? "Internal server error"
                : "The request body is not valid JSON.",
          extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" },
        },
      ],
    });
  };
}
