/**
 * Starts the real hub for the end-to-end tests: fresh agency databases, seeded synthetic data,
 * development keys, the three subgraphs and the gateway, each as its own process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AGENCY_PROCESSES, gatewayEntry } from "@hub/local/dist/layout";
import { ensureHubKeys } from "@hub/local/dist/hubKeys";
import { freePort, runToCompletion, waitForHealth } from "@hub/local/dist/processes";
import { HUB_ENV_FILE, OUTPUT_DIR, OWN_LOGS, TEST_PERSONS, type HubEnv } from "./hubEnv";
import { createTestDatabases } from "./testDatabases";

declare global {
  var hubProcesses: ChildProcess[] | undefined;
  var hubStopDatabases: (() => Promise<void>) | undefined;
}

function start(entry: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const child = spawn(process.execPath, [entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout?.on("data", (c: Buffer) => chunks.push(c.toString()));
  child.stderr?.on("data", (c: Buffer) => chunks.push(c.toString()));
  child.on("exit", () => writeFileSync(logFile, chunks.join("")));
  return child;
}

export default async function globalSetup(): Promise<void> {
  // The log scan at teardown must read this run's logs only.
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const name of readdirSync(OUTPUT_DIR)) {
    if (name.endsWith(".log") || name === OWN_LOGS)
      rmSync(path.join(OUTPUT_DIR, name), { recursive: true, force: true });
  }
  const stateDir = path.join(OUTPUT_DIR, "state");
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const keysDir = path.join(stateDir, "keys");
  const { gateway: gatewayKey } = await ensureHubKeys(keysDir);
  const databases = await createTestDatabases(stateDir);
  globalThis.hubStopDatabases = databases.stop;
  const pool = databases.kind === "embedded" ? { DATABASE_POOL_SIZE: "1" } : {};
  const base = { PATH: process.env.PATH, HUB_STATE_DIR: stateDir, LOG_LEVEL: "info", ...pool };

  await Promise.all(
    AGENCY_PROCESSES.map((a) =>
      runToCompletion(
        a.entry,
        ["seed", "--persons", String(TEST_PERSONS)],
        { ...base, [a.databaseUrlVariable]: databases.urls[a.name] },
        `seeding ${a.name}`,
      ),
    ),
  );

  const processes: ChildProcess[] = [];
  globalThis.hubProcesses = processes;
  const subgraphs: HubEnv["subgraphs"] = {};
  const subgraphEnv: Record<string, string> = {
    ...(base as Record<string, string>),
    HUB_CONTEXT_JWKS: gatewayKey.publicJwks,
  };
  const urlOverrides: Record<string, string> = {};
  for (const agency of AGENCY_PROCESSES) {
    const port = await freePort();
    const child = start(
      agency.entry,
      {
        ...subgraphEnv,
        PORT: String(port),
        [agency.databaseUrlVariable]: databases.urls[agency.name],
      },
      path.join(OUTPUT_DIR, `${agency.name}.log`),
    );
    processes.push(child);
    subgraphs[agency.name] = {
      url: `http://127.0.0.1:${port}/graphql`,
      metricsUrl: `http://127.0.0.1:${port}/metrics`,
    };
    urlOverrides[`${agency.name.toUpperCase().replace(/-/g, "_")}_URL`] = `http://127.0.0.1:${port}/graphql`;
    await waitForHealth(`http://127.0.0.1:${port}/health`, agency.name, child);
  }
  const gatewayPort = await freePort();
  const gatewayEnv: Record<string, string> = {
    ...(base as Record<string, string>),
    // The development issuer's keys are the state folder's own (idp.jwks.json); a test that trusts
    // another issuer names its keys, or lets discovery find them.
    // The browser tests sign in through the demo persona picker.
    HUB_DEMO_MODE: "true",
    AUDIT_DATABASE_URL: databases.urls.audit ?? "",
    ...(databases.kind === "embedded" ? { AUDIT_POOL_SIZE: "1" } : {}),
    ...urlOverrides,
  };
  const gateway = start(
    gatewayEntry,
    { ...gatewayEnv, PORT: String(gatewayPort) },
    path.join(OUTPUT_DIR, "gateway.log"),
  );
  processes.push(gateway);
  await waitForHealth(`http://127.0.0.1:${gatewayPort}/health`, "gateway", gateway);

  const env: HubEnv = {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    subgraphs,
    keysDir,
    stateDir,
    persons: TEST_PERSONS,
    databases: databases.kind,
    databaseUrls: databases.urls,
    gatewayEnv,
    subgraphEnv,
  };
  writeFileSync(HUB_ENV_FILE, JSON.stringify(env, null, 2));
}
