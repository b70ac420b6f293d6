/**
 * The hub a benchmark run measures: its own databases on the PostgreSQL server, seeded with a
 * fixed world, development keys, the subgraphs, and both gateways in front of the same
 * subgraphs: the bare Apollo Gateway and the full hub gateway.
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Principal } from "@hub/contracts";
import { PERSONAS, type PersonaName } from "@hub/gateway";
import { seedAll } from "@hub/local/dist/databases";
import { AGENCY_PROCESSES, gatewayEntry } from "@hub/local/dist/layout";
import { ensureHubKeys } from "@hub/local/dist/hubKeys";
import { freePort, runToCompletion } from "@hub/local/dist/processes";
import { connectAdmin, recreateDatabase, recreateServerDatabases } from "@hub/local/dist/serverDatabases";
import { repoRoot, type BenchConfig } from "./benchConfig";
import { answersAt, answersGraphQL, startProcess, type BenchProcess } from "./benchProcesses";

export interface BenchHub {
  bareUrl: string;
  hubUrl: string;
  keysDir: string;
  databaseUrls: Record<string, string>;
  /** An empty, migrated audit database for the audit writer's own measurement. */
  scratchAuditUrl: string;
  metricsUrls: Record<string, string>;
  /** Starts more hub gateways on the same subgraphs and audit store, as replicas behind a load balancer would be. */
  startReplicas: (count: number) => Promise<{ urls: string[]; stop: () => Promise<void> }>;
  /** Stops the hub gateway and starts it again with these node options (a CPU profile). */
  restartHub: (nodeArgs: string[]) => Promise<void>;
  stopHub: () => Promise<void>;
  stop: () => Promise<void>;
}

const checkoutTag = createHash("sha256").update(repoRoot).digest("hex").slice(0, 8);
const databaseName = (name: string) => `hub_bench_${checkoutTag}_${name.replace(/-/g, "_")}`;

export function principalOf(persona: PersonaName, country: string): Principal {
  const p = PERSONAS[persona];
  return { subject: p.subject, agency: p.agency, role: p.role, purposes: [...p.purposes], country, cases: [] };
}

async function createDatabases(adminUrl: string): Promise<{ urls: Record<string, string>; scratch: string }> {
  const admin = await connectAdmin(adminUrl);
  if (!admin) throw new Error(`The benchmark needs a PostgreSQL server; none answers at ${adminUrl} (DATABASE_URL)`);
  try {
    const urls = await recreateServerDatabases(admin, adminUrl, databaseName);
    return { urls, scratch: await recreateDatabase(admin, adminUrl, databaseName("audit_scratch")) };
  } finally {
    await admin.end();
  }
}

export async function startBenchHub(
  config: BenchConfig,
  callers: readonly PersonaName[],
  hubCountry: string,
  say: (line: string) => void,
): Promise<BenchHub> {
  const stateDir = path.join(config.outputDir, "state");
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const keysDir = path.join(stateDir, "keys");
  const { idp, gateway: gatewayKey } = await ensureHubKeys(keysDir);
  const { urls, scratch } = await createDatabases(config.adminUrl);
  const base = { PATH: config.path, HUB_STATE_DIR: stateDir, HUB_COUNTRY: hubCountry, LOG_LEVEL: "warn" };

  say(`Seeding ${config.persons} persons (seed ${config.seed})...`);
  const agencies = AGENCY_PROCESSES.map((a) => ({ name: a.name, url: urls[a.name] ?? "", embedded: false }));
  const databases = { agencies, stop: async () => undefined };
  await seedAll(databases, base, config.persons, path.join(stateDir, "data"), config.seed);
  const audit = AGENCY_PROCESSES.find((a) => a.name === "audit");
  if (!audit) throw new Error("no audit subgraph");
  // The scratch log gets the audit subgraph's tables and no events.
  await runToCompletion(
    audit.entry,
    ["migrate"],
    { ...base, [audit.databaseUrlVariable]: scratch },
    "migrating the scratch audit log",
  );

  const processes: BenchProcess[] = [];
  const log = (name: string) => path.join(config.outputDir, `${name}.log`);
  const subgraphUrls: Record<string, string> = {};
  const metricsUrls: Record<string, string> = {};
  await Promise.all(
    AGENCY_PROCESSES.map(async (agency) => {
      const port = await freePort();
      processes.push(
        await startProcess({
          label: agency.name,
          entry: agency.entry,
          env: {
            ...base,
            PORT: String(port),
            HUB_CONTEXT_JWKS: gatewayKey.publicJwks,
            [agency.databaseUrlVariable]: urls[agency.name],
          },
          logFile: log(agency.name),
          ready: answersAt(`http://127.0.0.1:${port}/health`),
        }),
      );
      subgraphUrls[`${agency.name.toUpperCase().replace(/-/g, "_")}_URL`] = `http://127.0.0.1:${port}/graphql`;
      metricsUrls[agency.name] = `http://127.0.0.1:${port}/metrics`;
    }),
  );

  const barePort = await freePort();
  const bareUrl = `http://127.0.0.1:${barePort}/graphql`;
  processes.push(
    await startProcess({
      label: "bare gateway",
      entry: path.join(__dirname, "bareGateway.js"),
      env: {
        ...base,
        ...subgraphUrls,
        PORT: String(barePort),
        HUB_SUPERGRAPH: path.join(repoRoot, "contracts", "supergraph.graphql"),
        HUB_CONTEXT_KEY: path.join(keysDir, "gateway.private.jwk.json"),
        BENCH_CALLERS: JSON.stringify(
          callers.map((persona) => ({
            purpose: PERSONAS[persona].purposes[0],
            principal: principalOf(persona, hubCountry),
          })),
        ),
      },
      logFile: log("bare-gateway"),
      ready: answersGraphQL(bareUrl),
    }),
  );

  const hubPort = await freePort();
  const hubEnv = {
    ...base,
    ...subgraphUrls,
    PORT: String(hubPort),
    HUB_JWKS: idp.publicJwks,
    // Persona tokens come from the development issuer, which a gateway trusts only in demo mode;
    // demo mode adds two sign-in routes the benchmark never calls.
    HUB_DEMO_MODE: "true",
    AUDIT_DATABASE_URL: urls.audit,
    // The limiter runs on every request (its cost is measured) but one benchmark persona's load
    // must not spend a budget meant for a whole minute of one officer's work.
    HUB_RATE_LIMIT_AGENCY_POINTS: "10000000",
    HUB_RATE_LIMIT_SUBJECT_POINTS: "10000000",
  };
  let hub: BenchProcess | undefined;
  const startHub = async (nodeArgs: string[]) => {
    hub = await startProcess({
      label: "hub gateway",
      entry: gatewayEntry,
      env: hubEnv,
      nodeArgs,
      logFile: log(nodeArgs.length > 0 ? "hub-gateway-profiled" : "hub-gateway"),
      ready: answersAt(`http://127.0.0.1:${hubPort}/health`),
    });
  };
  const startReplicas = async (count: number) => {
    const replicas = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const port = await freePort();
        const replica = await startProcess({
          label: `hub gateway replica ${i + 1}`,
          entry: gatewayEntry,
          env: { ...hubEnv, PORT: String(port) },
          logFile: log(`hub-gateway-replica-${i + 1}`),
          ready: answersAt(`http://127.0.0.1:${port}/health`),
        });
        return { url: `http://127.0.0.1:${port}/graphql`, replica };
      }),
    );
    return {
      urls: replicas.map((r) => r.url),
      stop: async () => {
        await Promise.all(replicas.map((r) => r.replica.stop()));
      },
    };
  };
  await startHub([]);
  const stopHub = async () => {
    await hub?.stop();
    hub = undefined;
  };

  return {
    bareUrl,
    hubUrl: `http://127.0.0.1:${hubPort}/graphql`,
    keysDir,
    databaseUrls: urls,
    scratchAuditUrl: scratch,
    metricsUrls,
    startReplicas,
    restartHub: async (nodeArgs) => {
      await stopHub();
      await startHub(nodeArgs);
    },
    stopHub,
    stop: async () => {
      await stopHub();
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}
