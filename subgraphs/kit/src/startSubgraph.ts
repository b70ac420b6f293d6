/**
 * Runs one agency's subgraph: its database (migrated), its federated schema, and an HTTP server
 * that answers only calls carrying a valid hub-context token from the gateway.
 */
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { pino } from "pino";
import { Registry, collectDefaultMetrics } from "prom-client";
import type { DataSource, EntityManager } from "typeorm";
import {
  apolloLogger,
  hubLogOptions,
  ensureProvenanceKey,
  normaliseError,
  PROVENANCE_KEYS_PATH,
  SUBGRAPHS,
  type Agency,
  type HubContextClaims,
  type ShutdownLog,
} from "@hub/contracts";
import { PolicyDecisionPoint } from "@hub/policies";
import { createDataSource, type DataSourceOptions } from "./createDataSource";
import type { FederatedSchema } from "./buildFederatedSchema";
import { bodyErrorHandler } from "./bodyErrorHandler";
import { disclosurePlugin } from "./disclosurePlugin";
import { failClosedPlugin } from "./failClosedPlugin";
import { healthRoutes } from "./healthRoutes";
import { createProvenanceSigner, loadProvenanceKey, provenancePlugin } from "./provenance";
import type { ProvenanceKey } from "./provenance";
import {
  loadSubgraphConfig,
  processEnvironment,
  type SubgraphConfig,
  type SubgraphDefaults,
} from "./loadSubgraphConfig";
import { RecordGuard } from "./RecordGuard";
import type { SubgraphContext } from "./SubgraphContext";
import { requireHubContext } from "./requireHubContext";
import { createHubContextVerifier, loadJwks } from "./verifyHubContext";

/**
 * How the `seed` command fills an agency's database. The kit knows no data of its own: each
 * subgraph brings the generator it seeds from and writes its part of what it generates.
 */
export interface SubgraphSeed<TWorld> {
  /** Builds what to write from the command's arguments (e.g. `--persons N --seed S`). */
  load: (argv: string[]) => TWorld;
  /** Replaces this agency's records with its part of that data (in one transaction). */
  write: (db: EntityManager, world: TWorld) => Promise<void>;
  /** What the log line after seeding says of it. */
  describe: (world: TWorld) => Record<string, unknown>;
}

export interface SubgraphDefinition<TLoaders, TWorld = unknown> {
  defaults: SubgraphDefaults;
  entities: DataSourceOptions["entities"];
  migrations: DataSourceOptions["migrations"];
  buildSchema: () => Promise<FederatedSchema>;
  createLoaders: (dataSource: DataSource) => TLoaders;
  /** Absent: the agency holds no seeded data (the audit log starts empty). */
  seed?: SubgraphSeed<TWorld>;
  /** Runs at every start and after `migrate`/`seed` have migrated (e.g. to add the month's partitions). */
  afterMigrations?: (db: DataSource) => Promise<void>;
}

export interface RunningSubgraph {
  url: string;
  config: SubgraphConfig;
  log: ShutdownLog;
  stop: () => Promise<void>;
}

export async function startSubgraph<TLoaders, TWorld>(
  definition: SubgraphDefinition<TLoaders, TWorld>,
  env: NodeJS.ProcessEnv = processEnvironment(),
): Promise<RunningSubgraph> {
  const config = loadSubgraphConfig(definition.defaults, env);
  const log = pino({ name: config.name, level: config.logLevel, ...hubLogOptions(pino.stdSerializers.err) });
  const owner = agencyOf(config.name);
  const pdp = loadPolicies(config);
  log.info({ policySet: pdp.version, country: config.country }, "policy set loaded");
  const verify = createHubContextVerifier(loadJwks(config.hubContextJwksPath), {
    audience: config.name,
    ttlSeconds: config.hubContextTtlSeconds,
  });
  const provenanceKey = await openProvenanceKey(config);
  log.info({ kid: provenanceKey.kid, source: config.provenanceKey.kind }, "provenance key loaded");
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const dataSource = createDataSource({
    url: config.databaseUrl,
    poolSize: config.databasePoolSize,
    entities: definition.entities,
    migrations: definition.migrations,
    registry,
    log,
  });
  await openDatabase(dataSource, definition.defaults.databaseUrlVariable);
  if (config.runMigrations) await dataSource.runMigrations({ transaction: "each" });
  await definition.afterMigrations?.(dataSource);

  const { schema } = await definition.buildSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const server = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (shutdownOnSignals): Apollo's own handler would stop the server under the
    // requests in flight and re-send the signal, exiting before they are answered and audited.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const normalised = normaliseError(formatted);
      if (normalised.unexpected) log.error({ err: error }, "unexpected error in resolver");
      return normalised.error;
    },
    logger: apolloLogger(log),
    // Traces would tell the gateway about resolver timings; the hub keeps those in its own logs.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      failClosedPlugin(),
      disclosurePlugin(),
      provenancePlugin(createProvenanceSigner(config.name, provenanceKey)),
    ],
  });
  await server.start();

  app.disable("x-powered-by");
  app.use(healthRoutes(config.name, dataSource, pdp, config.hubContextJwksPath));
  // The agency's published key: anyone holding an answer checks its signatures against it.
  app.get(PROVENANCE_KEYS_PATH, (_req, res) => void res.json(provenanceKey.published));
  app.get("/metrics", (_req, res) => {
    registry
      .metrics()
      .then((text) => res.type(registry.contentType).send(text))
      .catch(() => res.status(500).end());
  });
  app.use(
    "/graphql",
    ...requireHubContext(verify, log),
    expressMiddleware(server, {
      context: async ({ res }) => {
        const hub = res.locals.hub as HubContextClaims;
        const requestLog = log.child({ requestId: hub.requestId });
        return {
          hub,
          op: hub.op,
          loaders: definition.createLoaders(dataSource),
          dataSource,
          log: requestLog,
          guard: new RecordGuard({ pdp, owner, hub, log: requestLog }),
        };
      },
    }),
  );

  app.use(bodyErrorHandler(log));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const url = `http://${config.host}:${config.port}/graphql`;
  log.info({ url }, "subgraph ready");
  return {
    url,
    config,
    log,
    // The drain plugin stops accepting and lets requests in flight finish before the database closes.
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
    },
  };
}

/** The agency whose repository this subgraph serves: the owner of every record it decides. */
function agencyOf(name: string): Agency {
  if (!Object.hasOwn(SUBGRAPHS, name)) throw new Error(`Subgraph ${name} has no agency in SUBGRAPHS (contracts)`);
  return SUBGRAPHS[name as keyof typeof SUBGRAPHS];
}

/** The signing key: the configured files, or the state folder's development key (made when absent). */
async function openProvenanceKey(config: SubgraphConfig): Promise<ProvenanceKey> {
  const source = config.provenanceKey;
  switch (source.kind) {
    case "configured":
      return loadProvenanceKey(config.name, source.privateJwk, source.publicJwks);
    case "development": {
      const files = await ensureProvenanceKey(source.keysDir, config.name);
      return loadProvenanceKey(config.name, files.privateJwk, files.publicJwks);
    }
  }
}

/** One policy decision point per process; a policy set that does not load stops the process. */
function loadPolicies(config: SubgraphConfig): PolicyDecisionPoint {
  try {
    return PolicyDecisionPoint.load(config.policyPaths, config.country);
  } catch (error) {
    throw new Error(`Cannot load the policy set: ${(error as Error).message.replace(/\s*\n\s*/g, " ")}`);
  }
}

/** Connects, naming the variable to check when the database cannot be reached. */
export async function openDatabase(dataSource: DataSource, variable: string): Promise<void> {
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`Cannot connect to the database (${variable}): ${(error as Error).message}`);
  }
}
