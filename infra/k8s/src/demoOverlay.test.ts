/**
 * The hub run as the demo overlay configures it, outside a cluster: each rendered Deployment's
 * command and environment (ConfigMap and Secret references resolved), its key Secrets written as
 * read-only files under a folder standing in for the container's filesystem, Service names mapped
 * to 127.0.0.1, and each CloudNativePG `<cluster>-app` uri replaced by a scratch database on the
 * local PostgreSQL. The Secrets hold what `npm run keys` makes, as README.md has the operator create
 * them, with the Statistics Office's service token minted as `npm run token` does. Services get free local ports instead of the manifests' (the suite's shared hub may hold
 * those); HOST is 127.0.0.1 so nothing listens beyond the machine; Redis is the machine's own, with
 * key prefixes of this test's so that its counts never reach the suite's rate limit tests.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ensureHubKeys } from "@hub/local/dist/hubKeys";
import { freePort, runToCompletion, waitForHealth } from "@hub/local/dist/processes";
import { connectAdmin, defaultAdminUrl, recreateDatabase } from "@hub/local/dist/serverDatabases";
import { mintStatisticsServiceToken } from "@hub/local/dist/statisticsServiceToken";
import { loadLauncherConfig } from "@hub/local/dist/launcherConfig";
import { at, isRecord, nameOf, records, type Manifest } from "./manifest";
import { OPERATOR_SECRETS } from "./operatorObjects";
import { isCluster, isDeployment } from "./podModel";
import { renderOverlay } from "./renderOverlay";
import { REPO_ROOT } from "./validateOverlay";

const scratch = mkdtempSync(path.join(os.tmpdir(), "hub-k8s-demo-"));
const objects = renderOverlay(path.resolve(__dirname, "..", "overlays", "demo"));
const deployments = objects.filter(isDeployment);
const children = new Map<string, ChildProcess>();
/** What each process wrote to stderr, shown when the hub does not start. */
const logs = new Map<string, string>();
const databases: string[] = [];
const origins = new Map<string, string>();
const servicePorts = new Map(
  objects.filter((m) => m.kind === "Service").map((m) => [nameOf(m), Number(at(m, "spec", "ports", 0, "port"))]),
);
const redisPrefix = `hub-k8s-test-${process.pid}`;

/** The Secrets as the operator creates them from the `npm run keys` folder (README.md, "Secrets"). */
function operatorSecrets(keysDir: string): Map<string, Record<string, string>> {
  const secrets = new Map<string, Record<string, string>>();
  for (const [name, keys] of Object.entries(OPERATOR_SECRETS)) {
    const files = keys.filter((k) => existsSync(path.join(keysDir, k)));
    secrets.set(name, Object.fromEntries(files.map((k) => [k, readFileSync(path.join(keysDir, k), "utf8")])));
  }
  return secrets;
}

/** Writes each mounted key volume of a pod under `root`, read-only, as the kubelet would. */
function mountVolumes(d: Manifest, root: string, secrets: Map<string, Record<string, string>>): string[] {
  const pod = at(d, "spec", "template", "spec");
  const volumes = records(at(pod, "volumes"));
  const mountPaths: string[] = [];
  for (const mount of records(at(pod, "containers", 0, "volumeMounts"))) {
    const volume = volumes.find((v) => v.name === mount.name);
    const dir = path.join(root, String(mount.mountPath));
    mkdirSync(dir, { recursive: true });
    mountPaths.push(String(mount.mountPath));
    const sources = isRecord(volume?.secret)
      ? [{ ...volume.secret, name: volume.secret.secretName }]
      : records(at(volume, "projected", "sources")).map((s) => s.secret);
    const mode = Number(at(volume, "secret", "defaultMode") ?? at(volume, "projected", "defaultMode") ?? 0o644);
    for (const source of sources.filter(isRecord)) {
      const data = secrets.get(String(source.name));
      if (!data) throw new Error(`no Secret ${String(source.name)}`);
      const items = records(source.items);
      const files =
        items.length > 0 ? items.map((i) => [String(i.key), String(i.path)]) : Object.keys(data).map((k) => [k, k]);
      for (const [key, file] of files) {
        const content = data[key ?? ""];
        // The kubelet leaves out the files of an optional Secret that does not exist.
        if (content === undefined && source.optional === true) continue;
        if (content === undefined) throw new Error(`Secret ${String(source.name)} has no key ${key}`);
        writeFileSync(path.join(dir, file ?? ""), content, { mode });
      }
    }
    if (mount.readOnly === true) chmodSync(dir, 0o550);
  }
  return mountPaths;
}

interface Resolved {
  command: string[];
  env: Record<string, string>;
}

/** The container's environment with every reference resolved and every name made local. */
function resolveEnvironment(
  d: Manifest,
  root: string,
  mountPaths: string[],
  databaseUrls: Map<string, string>,
): Resolved {
  const container = at(d, "spec", "template", "spec", "containers", 0);
  const configMaps = new Map(
    objects.filter((m) => m.kind === "ConfigMap").map((m) => [nameOf(m), m.data as Record<string, string>]),
  );
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", NODE_ENV: "production" };
  for (const e of records(at(container, "env"))) {
    const name = String(e.name);
    const config = at(e, "valueFrom", "configMapKeyRef");
    const secret = at(e, "valueFrom", "secretKeyRef");
    let value: string;
    if (isRecord(config)) value = configMaps.get(String(config.name))?.[String(config.key)] ?? "";
    else if (isRecord(secret) && secret.key === "uri")
      value = databaseUrls.get(String(secret.name).replace(/-app$/, "")) ?? "";
    else value = String(e.value ?? "");
    if (value === "") throw new Error(`${nameOf(d)}: ${name} resolves to nothing`);
    if (
      value.startsWith("/") &&
      mountPaths.some((m) => value === m || value.startsWith(`${m}/`) || m.startsWith(`${value}/`))
    )
      value = path.join(root, value);
    env[name] = localUrl(value);
  }
  env.HOST = "127.0.0.1";
  if (env.REDIS_URL)
    Object.assign(env, { HUB_RATE_LIMIT_PREFIX: `${redisPrefix}:rate`, HUB_ALARM_PREFIX: `${redisPrefix}:alarm` });
  const port = origins.get(nameOf(d));
  if (port) env.PORT = new URL(port).port;
  return { command: (at(container, "command") as string[]) ?? [], env };
}

/** `http://border-police:4001/graphql` as the local address of that Service. */
function localUrl(value: string): string {
  const match = /^(https?|redis):\/\/([a-z0-9-]+):(\d+)(\/.*)?$/.exec(value);
  if (!match) return value;
  const [, scheme, host = "", port, rest = ""] = match;
  if (!servicePorts.has(host)) return value;
  if (servicePorts.get(host) !== Number(port))
    throw new Error(`${value}: Service ${host} listens on ${servicePorts.get(host)}`);
  if (host === "redis") return `${scheme}://127.0.0.1:6379${rest}`;
  const origin = origins.get(host);
  if (!origin) throw new Error(`${value}: no process serves Service ${host}`);
  return `${origin}${rest}`;
}

function start(name: string, { command, env }: Resolved): ChildProcess {
  const [node, script, ...args] = command;
  if (node !== "node" || !script) throw new Error(`${name}: command is not node <script>`);
  const child = spawn(process.execPath, [script, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.set(name, child);
  return child;
}

let resolved = new Map<string, Resolved>();
const hubProcesses = deployments.filter((d) => nameOf(d) !== "redis");
const subgraphs = hubProcesses.filter((d) => at(d, "metadata", "labels", "app.kubernetes.io/component") === "subgraph");

beforeAll(async () => {
  try {
    await startHub();
  } catch (error) {
    const output = [...logs].map(([name, text]) => `${name}: ${text.trim().split("\n").slice(-3).join("\n")}`);
    throw new Error([(error as Error).message, ...output].join("\n"));
  }
}, 180_000);

async function startHub(): Promise<void> {
  const admin = await connectAdmin(defaultAdminUrl());
  if (!admin) throw new Error(`this test needs the PostgreSQL server at ${defaultAdminUrl()}`);
  const databaseUrls = new Map<string, string>();
  try {
    const tag = path
      .basename(scratch)
      .replace(/[^a-z0-9]/gi, "")
      .toLowerCase();
    for (const cluster of objects.filter(isCluster)) {
      const database = `hub_k8s_${tag}_${nameOf(cluster).replace(/-/g, "_")}`;
      databaseUrls.set(nameOf(cluster), await recreateDatabase(admin, defaultAdminUrl(), database));
      databases.push(database);
    }
  } finally {
    await admin.end();
  }
  const keysDir = path.join(scratch, "keys");
  await ensureHubKeys(keysDir);
  // The operator's statistics-service-token Secret (README.md, "Secrets"): a token of the
  // statistics-service persona from the development identity provider, as `npm run token` makes it.
  const launcher = loadLauncherConfig({ HUB_STATE_DIR: scratch, HUB_COUNTRY: "AM" });
  writeFileSync(
    path.join(keysDir, "statistics-service.token"),
    await mintStatisticsServiceToken(launcher, path.join(keysDir, "idp.private.jwk.json")),
  );
  const secrets = operatorSecrets(keysDir);
  for (const d of hubProcesses) origins.set(nameOf(d), `http://127.0.0.1:${await freePort()}`);
  resolved = new Map(
    hubProcesses.map((d) => {
      const root = path.join(scratch, "pods", nameOf(d));
      return [nameOf(d), resolveEnvironment(d, root, mountVolumes(d, root, secrets), databaseUrls)] as const;
    }),
  );
  await Promise.all(
    subgraphs.map(async (d) => {
      const r = resolved.get(nameOf(d)) ?? { command: [], env: {} };
      const script = path.join(REPO_ROOT, r.command[1] ?? "");
      await runToCompletion(script, ["seed", "--persons", "20"], { ...r.env }, `seeding ${nameOf(d)}`);
      await waitForHealth(`${origins.get(nameOf(d))}/healthz`, nameOf(d), start(nameOf(d), r));
    }),
  );
  const gateway = start("gateway", resolved.get("gateway") ?? { command: [], env: {} });
  await waitForHealth(`${origins.get("gateway")}/healthz`, "gateway", gateway);
  // Readiness follows: the gateway's needs the audit log and the development issuer's keys.
  for (const d of hubProcesses)
    await waitForHealth(
      `${origins.get(nameOf(d))}/readyz`,
      `${nameOf(d)} readiness`,
      children.get(nameOf(d)) ?? gateway,
    );
}

afterAll(async () => {
  await Promise.all(
    [...children.values()].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
        }),
    ),
  );
  const admin = await connectAdmin(defaultAdminUrl());
  if (admin) {
    for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
  chmodTree(scratch);
  rmSync(scratch, { recursive: true, force: true });
}, 30_000);

/** The read-only mounts must be writable again to be removed. */
function chmodTree(dir: string): void {
  const pods = path.join(dir, "pods");
  if (!existsSync(pods)) return;
  for (const d of hubProcesses) {
    for (const mount of records(at(d, "spec", "template", "spec", "containers", 0, "volumeMounts"))) {
      const mounted = path.join(pods, nameOf(d), String(mount.mountPath));
      if (existsSync(mounted)) chmodSync(mounted, 0o750);
    }
  }
}

describe("the hub as the demo overlay configures it", () => {
  it("runs every process of the overlay, each ready", async () => {
    expect(hubProcesses.map(nameOf).sort()).toEqual([
      "audit",
      "border-police",
      "gateway",
      "migration-service",
      "statistics-office",
    ]);
    for (const d of hubProcesses) {
      const res = await fetch(`${origins.get(nameOf(d))}/readyz`);
      expect({ process: nameOf(d), status: res.status }).toEqual({ process: nameOf(d), status: 200 });
    }
  });

  it("answers a query through the gateway with a demo persona's token", async () => {
    const gateway = origins.get("gateway") ?? "";
    const minted = await fetch(`${gateway}/demo/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "border-officer" }),
    });
    expect(minted.status).toBe(200);
    const { token } = (await minted.json()) as { token: string };
    const res = await fetch(`${gateway}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-purpose": "BORDER_CHECK", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ crossingPoints { code name } }" }),
    });
    const body = (await res.json()) as { data?: { crossingPoints?: { code: string }[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(body.data?.crossingPoints?.length).toBeGreaterThan(0);
  });

  it("pulls the migration profile through the gateway from the statistics-office pod", () => {
    // As the operator runs it: kubectl exec deploy/statistics-office -- node infra/local/dist/profile.js …
    const office = resolved.get("statistics-office");
    if (!office) throw new Error("the demo overlay renders no statistics-office Deployment");
    const { env } = office;
    expect(env.HUB_GATEWAY_URL).toBe(`${origins.get("gateway")}/graphql`);
    const run = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, "infra/local/dist/profile.js"), "--year", "2025", "--template", "REGIONAL_HARMONISED"],
      { cwd: REPO_ROOT, env, encoding: "utf8", timeout: 60_000 },
    );
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(
      /^profile REGIONAL_HARMONISED 2025: [1-9]\d* indicators?, \d+ cells pulled through the gateway \([1-9]\d* audited requests?/,
    );
  }, 90_000);
});
