/**
 * The gateway's HTTP server: authenticate → declared purpose → decide the operation → plan and
 * execute across subgraphs.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { pino, type Logger } from "pino";
import { PolicyDecisionPoint } from "@hub/policies";
import { AUTHORIZATION_REF_HEADER, parseAuthorizationRef } from "./auth/authorizationRef";
import { loadSigningKey } from "./auth/devKeys";
import { resolvePurpose, PURPOSE_HEADER } from "./auth/resolvePurpose";
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
import { PruningGateway } from "./PruningGateway";

export interface HubServer {
  url: string;
  log: Logger;
  stop: () => Promise<void>;
}

/** Header that opts in to partial mode (R5-2). */
export const PARTIAL_HEADER = "x-hub-partial";

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

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const limits = createLimits(config.limits);
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
      filteredIntrospection(buildFieldCatalog(supergraphSdl), pdp, log),
      operationGuard(buildFieldCatalog(supergraphSdl), pdp, log),
    ],
  });
  await server.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use(
    "/graphql",
    (req, res, next) => {
      res.locals.requestId = randomUUID();
      res.setHeader("x-request-id", res.locals.requestId as string);
      next();
    },
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(server, {
      context: async ({ req, res }): Promise<HubContext> => {
        const principal = await verifyToken(req.header("authorization"));
        const purpose = resolvePurpose(req.header(PURPOSE_HEADER), principal);
        const authorizationRef = parseAuthorizationRef(req.header(AUTHORIZATION_REF_HEADER));
        return {
          requestId: res.locals.requestId as string,
          principal,
          purpose,
          mode: req.header(PARTIAL_HEADER)?.trim().toLowerCase() === "true" ? "partial" : "strict",
          ...(authorizationRef ? { authorizationRef } : {}),
          touched: [],
          partialErrors: [],
          hubContextTokens: new Map(),
        };
      },
    }),
  );
  app.use(jsonErrorHandler(log));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const url = `http://${config.host}:${config.port}/graphql`;
  log.info({ url }, "gateway ready");
  return { url, log, stop: () => server.stop() };
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
