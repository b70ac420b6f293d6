/**
 * `npm start`: the whole hub on one machine. Embedded databases (unless *_DATABASE_URL points
 * elsewhere), demo data on first start, development keys, every subgraph and the gateway.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import {
  DEFAULT_AUDIENCE,
  DEMO_ISSUER,
  ensureDevKey,
  ensureDevSecret,
  loadSigningKey,
  mintToken,
  PERSONAS,
} from "@hub/gateway";
import { renderBanner } from "./banner";
import { databaseEnv, openDatabases, readSeedMarker, seedAll } from "./databases";
import { loadLauncherConfig } from "./launcherConfig";
import { AGENCY_PROCESSES, gatewayEntry } from "./layout";
import { startService, waitForHealth } from "./processes";

const DEMO_PERSONS = 3000;

async function main(): Promise<void> {
  const config = loadLauncherConfig();
  const { env, stateDir: dir } = config;
  const dataRoot = path.join(dir, "data");
  const keysDir = path.join(dir, "keys");
  const idp = await ensureDevKey(keysDir, "idp");
  const gatewayKey = await ensureDevKey(keysDir, "gateway");
  await ensureDevKey(keysDir, "audit");
  ensureDevSecret(keysDir, "audit-values");

  process.stdout.write("Starting the embedded databases...\n");
  const databases = await openDatabases(env, dataRoot);
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    await databases.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());

  let marker = readSeedMarker(dataRoot);
  if (!marker) {
    process.stdout.write(`First start: generating ${DEMO_PERSONS} synthetic persons for the three agencies...\n`);
    marker = await seedAll(databases, env, DEMO_PERSONS, dataRoot);
  }

  const common = { ...env, HUB_STATE_DIR: dir, LOG_LEVEL: config.logLevel };
  const subgraphs = AGENCY_PROCESSES.map((agency) => {
    const db = databases.agencies.find((d) => d.name === agency.name);
    if (!db) throw new Error(`no database for ${agency.name}`);
    const child = startService(
      agency.entry,
      { ...common, ...databaseEnv(db), PORT: String(agency.port), HUB_CONTEXT_JWKS: gatewayKey.publicJwks },
      agency.name,
    );
    children.push(child);
    return { agency, child };
  });
  await Promise.all(
    subgraphs.map(({ agency, child }) => waitForHealth(`http://127.0.0.1:${agency.port}/health`, agency.name, child)),
  );
  const gatewayPort = String(config.gatewayPort);
  const auditDb = databases.agencies.find((d) => d.name === "audit");
  if (!auditDb) throw new Error("no audit database");
  const auditEnv = databaseEnv(auditDb);
  const gateway = startService(
    gatewayEntry,
    {
      ...common,
      PORT: gatewayPort,
      HUB_JWKS: idp.publicJwks,
      // The explorer's persona picker; a local hub only (set HUB_DEMO_MODE=false to try without it).
      HUB_DEMO_MODE: config.demoMode,
      AUDIT_DATABASE_URL: auditDb.url,
      ...(auditEnv.DATABASE_POOL_SIZE ? { AUDIT_POOL_SIZE: auditEnv.DATABASE_POOL_SIZE } : {}),
    },
    "gateway",
  );
  children.push(gateway);
  await waitForHealth(`http://127.0.0.1:${gatewayPort}/health`, "gateway", gateway);

  const persona = PERSONAS["border-officer"];
  const token = await mintToken(
    await loadSigningKey(idp.privateJwk),
    { ...persona, purposes: [...persona.purposes], country: config.hubCountry, cases: [] },
    {
      issuer: config.issuer ?? DEMO_ISSUER,
      audience: config.audience ?? DEFAULT_AUDIENCE,
      ttlSeconds: 12 * 3600,
    },
  );
  process.stdout.write(
    renderBanner({
      gatewayUrl: `http://localhost:${gatewayPort}/graphql`,
      subgraphs: AGENCY_PROCESSES.map((a) => ({ name: a.name, url: `http://127.0.0.1:${a.port}/graphql` })),
      databases: databases.agencies,
      dataRoot,
      marker,
      token,
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
