/**
 * `npm start`: the whole hub on one machine. Embedded databases (unless *_DATABASE_URL points
 * elsewhere), demo data on first start, development keys, every subgraph and the gateway, kept
 * running by a supervisor; Ctrl-C stops it all within seconds, a second Ctrl-C at once.
 */
import path from "node:path";
import { DEFAULT_AUDIENCE, DEMO_ISSUER, loadSigningKey, mintToken, PERSONAS } from "@hub/gateway";
import { renderBanner } from "./banner";
import { databaseEnv, openDatabases, readSeedMarker, seedAll, type Databases } from "./databases";
import { ensureHubKeys } from "./hubKeys";
import { loadLauncherConfig } from "./launcherConfig";
import { AGENCY_PROCESSES, gatewayEntry } from "./layout";
import { waitForHealth } from "./processes";
import { pullSeededProfiles } from "./pullSeededProfiles";
import { mintStatisticsServiceToken } from "./statisticsServiceToken";
import { Supervisor, withinMs } from "./supervise";

const DEMO_PERSONS = 3000;
/** How long the embedded databases get to close before the launcher exits without them. */
const DATABASE_STOP_MS = 5000;

const say = (line: string) => process.stderr.write(`[npm start] ${line}\n`);

const supervisor = new Supervisor({ report: say, onFatal: (message) => void stopHub(1, message) });
let databases: Promise<Databases> | undefined;
let stopping: Promise<void> | undefined;

/** Stops every child (SIGKILL after a grace period), then the databases (bounded), then exits. */
function stopHub(code: number, message?: string): Promise<void> {
  if (stopping) return stopping;
  const started = Date.now();
  say(message ?? "stopping the hub (press Ctrl-C again to exit at once)");
  stopping = (async () => {
    await supervisor.stop();
    if (databases) {
      const opened = databases;
      await withinMs(
        // Databases that failed to open have said so already, and have nothing to close.
        opened.then(
          (d) => d.stop(),
          () => undefined,
        ),
        DATABASE_STOP_MS,
        `the embedded databases did not close within ${DATABASE_STOP_MS / 1000} s`,
      ).catch((error: unknown) => say(error instanceof Error ? error.message : String(error)));
    }
    say(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(code);
  })();
  return stopping;
}

function onSignal(): void {
  if (!stopping) return void stopHub(0);
  say("exiting at once");
  supervisor.killNow();
  process.exit(130);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

async function main(): Promise<void> {
  const config = loadLauncherConfig();
  const { env, stateDir: dir } = config;
  const dataRoot = path.join(dir, "data");
  const keysDir = path.join(dir, "keys");
  const { idp, gateway: gatewayKey } = await ensureHubKeys(keysDir);

  process.stdout.write("Starting the embedded databases...\n");
  databases = openDatabases(env, dataRoot);
  const opened = await databases;

  let marker = readSeedMarker(dataRoot);
  const firstStart = !marker;
  if (!marker) {
    process.stdout.write(`First start: generating ${DEMO_PERSONS} synthetic persons for the three agencies...\n`);
    marker = await seedAll(opened, env, DEMO_PERSONS, dataRoot, undefined, (child) => supervisor.track(child));
  }

  const common = { ...env, HUB_STATE_DIR: dir, LOG_LEVEL: config.logLevel };
  const subgraphs = AGENCY_PROCESSES.map((agency) => {
    const db = opened.agencies.find((d) => d.name === agency.name);
    if (!db) throw new Error(`no database for ${agency.name}`);
    const healthUrl = `http://127.0.0.1:${agency.port}/health`;
    const child = supervisor.start({
      name: agency.name,
      entry: agency.entry,
      env: { ...common, ...databaseEnv(db), PORT: String(agency.port), HUB_CONTEXT_JWKS: gatewayKey.publicJwks },
      healthUrl,
    });
    return waitForHealth(healthUrl, agency.name, child);
  });
  await Promise.all(subgraphs);
  const gatewayPort = String(config.gatewayPort);
  const auditDb = opened.agencies.find((d) => d.name === "audit");
  if (!auditDb) throw new Error("no audit database");
  const auditEnv = databaseEnv(auditDb);
  const gatewayHealth = `http://127.0.0.1:${gatewayPort}/health`;
  const gateway = supervisor.start({
    name: "gateway",
    entry: gatewayEntry,
    env: {
      ...common,
      PORT: gatewayPort,
      // The development issuer's keys are the state folder's (idp.jwks.json): HUB_JWKS, when given,
      // names the keys of the issuer HUB_ISSUER names.
      // The explorer's persona picker; a local hub only (set HUB_DEMO_MODE=false to try without it).
      HUB_DEMO_MODE: config.demoMode,
      AUDIT_DATABASE_URL: auditDb.url,
      ...(auditEnv.DATABASE_POOL_SIZE ? { AUDIT_POOL_SIZE: auditEnv.DATABASE_POOL_SIZE } : {}),
    },
    healthUrl: gatewayHealth,
  });
  await waitForHealth(gatewayHealth, "gateway", gateway);
  supervisor.running();

  const persona = PERSONAS["border-officer"];
  // Persona tokens come from the development issuer, which the gateway trusts in demo mode only.
  const demo = config.demoMode === "true";
  const token = demo
    ? await mintToken(
        await loadSigningKey(idp.privateJwk),
        { ...persona, purposes: [...persona.purposes], country: config.hubCountry, cases: [] },
        { issuer: DEMO_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: 12 * 3600 },
      )
    : null;
  process.stdout.write(
    renderBanner({
      gatewayUrl: `http://localhost:${gatewayPort}/graphql`,
      subgraphs: AGENCY_PROCESSES.map((a) => ({ name: a.name, url: `http://127.0.0.1:${a.port}/graphql` })),
      databases: opened.agencies,
      dataRoot,
      marker,
      token,
    }),
  );

  // The seed holds no statistics: on first start the profile is pulled through the hub like any other.
  if (firstStart && !demo) {
    process.stdout.write(
      "Demo mode is off, so the profiles are not pulled now: npm run profile -- --year YYYY --token-file FILE pulls one with a token of your identity provider.\n",
    );
  }
  if (firstStart && demo) {
    const statisticsDb = opened.agencies.find((d) => d.name === "statistics-office");
    if (!statisticsDb) throw new Error("no statistics-office database");
    process.stdout.write(
      `Pulling the migration profiles of ${marker.years.first}-${marker.years.last} through the gateway...\n`,
    );
    const failed = await pullSeededProfiles({
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      token: await mintStatisticsServiceToken(config, idp.privateJwk),
      databaseUrl: statisticsDb.url,
      years: marker.years,
      report: (line) => process.stdout.write(`  ${line}\n`),
      stopping: () => stopping !== undefined,
    });
    process.stdout.write(
      failed === 0
        ? "Profiles pulled: npm run profile -- --year YYYY pulls one again.\n"
        : `${failed} profile pull(s) failed (see above); the hub runs on, npm run profile -- --year YYYY retries one.\n`,
    );
  }
}

// A failure during start stops what did start; one during a stop is the stop's doing and not reported.
main().catch((error: unknown) => {
  if (!stopping) void stopHub(1, error instanceof Error ? error.message : String(error));
});
