/**
 * `npm run bench`: measures what the hub's protection costs against a bare Apollo Gateway on the
 * same subgraphs and data, times the policy decisions and the audit writer, counts SQL statements,
 * profiles the hub gateway under the mix, and writes BENCHMARKS.md.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_AUDIENCE, DEMO_ISSUER, keyFiles, loadSigningKey, mintToken } from "@hub/gateway";
import { generateWorld } from "@hub/synthetic";
import { checkAuditCompleteness, measureAuditWriter, sampleEvents } from "./auditBench";
import { loadBenchConfig, type BenchConfig } from "./benchConfig";
import { measureReplicas, measureWriters, type ChainCeiling } from "./chainCeiling";
import { principalOf, startBenchHub, type BenchHub } from "./benchHub";
import { measureDecisions } from "./decisionBench";
import { buildMix, currentPersons, MIX_PERSONAS, type MixQuery } from "./mix";
import { renderChainReport, renderReport } from "./renderReport";
import { countStatements } from "./statementsBench";
import { summariseProfile, type ProfileSummary } from "./summariseProfile";
import { bodyOf, measureThroughput, runLoad, type Gateway } from "./throughput";

const HUB_COUNTRY = "AM";
const say = (line: string) => process.stdout.write(`${line}\n`);

async function hubHeaders(hub: BenchHub): Promise<(q: MixQuery) => Record<string, string>> {
  const key = await loadSigningKey(keyFiles(hub.keysDir, "idp").privateJwk);
  const tokens = new Map<string, string>();
  for (const persona of MIX_PERSONAS) {
    const options = { issuer: DEMO_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: 3600 };
    tokens.set(persona, await mintToken(key, principalOf(persona, HUB_COUNTRY), options));
  }
  return (q) => ({
    "content-type": "application/json",
    authorization: `Bearer ${tokens.get(q.persona) ?? ""}`,
    "x-purpose": q.purpose,
  });
}

/** Each query answers 200 with data and no error on both gateways, and the same data. */
async function checkMix(mix: readonly MixQuery[], gateways: Gateway[]): Promise<void> {
  for (const query of mix) {
    const answers = await Promise.all(
      gateways.map(async (g) => {
        const res = await fetch(g.url, { method: "POST", headers: g.headersFor(query), body: bodyOf(query) });
        const body = (await res.json()) as { data?: unknown; errors?: unknown };
        if (res.status !== 200 || body.errors || !body.data) {
          throw new Error(
            `${query.name} is not answered in full by the ${g.kind} gateway: ${res.status} ${JSON.stringify(body.errors)}`,
          );
        }
        return JSON.stringify(body.data);
      }),
    );
    if (new Set(answers).size !== 1) throw new Error(`${query.name}: the gateways answer different data`);
  }
}

async function profileHub(
  hub: BenchHub,
  mix: readonly MixQuery[],
  gateway: Gateway,
  config: BenchConfig,
): Promise<ProfileSummary> {
  const dir = path.join(config.outputDir, "profile");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await hub.restartHub(["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  const connections = Math.max(1, Math.ceil(config.connections / mix.length));
  const loadFrom = Number(process.hrtime.bigint() / 1000n);
  await Promise.all(
    mix.map((q) =>
      runLoad({
        url: gateway.url,
        headers: gateway.headersFor(q),
        body: bodyOf(q),
        connections,
        durationSeconds: config.profileSeconds,
        collectRequestIds: false,
      }),
    ),
  );
  await hub.stopHub(); // SIGTERM: the gateway exits and writes its profile
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`the profiled gateway wrote no profile in ${dir}`);
  return summariseProfile(path.join(dir, file), loadFrom);
}

const AUDIT_CONCURRENCY = 64;

async function measureChainCeiling(hub: BenchHub, mix: readonly MixQuery[], full: Gateway, config: BenchConfig) {
  const query = mix.find((q) => q.name === "reference-list");
  if (!query) throw new Error("the mix has no reference list to measure the hub's peak with");
  const { writers, verification } = await measureWriters({
    events: await sampleEvents(hub.databaseUrls.audit ?? "", 200),
    scratchUrl: hub.scratchAuditUrl,
    keysDir: hub.keysDir,
    stateDir: path.join(config.outputDir, "state"),
    concurrency: AUDIT_CONCURRENCY,
    config,
    say,
  });
  const extra = await hub.startReplicas(3);
  try {
    const gateways = [full, ...extra.urls.map((url): Gateway => ({ ...full, url }))];
    const { replicas, requestIds } = await measureReplicas({ query, gateways, config, say });
    const chain: ChainCeiling = {
      concurrency: AUDIT_CONCURRENCY,
      writers,
      verification,
      query,
      replicas,
    };
    return { chain, chainCompleteness: await checkAuditCompleteness(hub.databaseUrls.audit ?? "", requestIds) };
  } finally {
    await extra.stop();
  }
}

async function main(): Promise<void> {
  const config = loadBenchConfig(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const loadAverage = os.loadavg();
  mkdirSync(config.outputDir, { recursive: true });

  say("Timing policy decisions in-process...");
  const decisions = measureDecisions(HUB_COUNTRY, config.decisionSamples);

  const hub = await startBenchHub(config, MIX_PERSONAS, HUB_COUNTRY, say);
  try {
    const world = generateWorld({ persons: config.persons, seed: config.seed });
    const mix = buildMix(world);
    const hubHeadersFor = await hubHeaders(hub);
    const bare: Gateway = {
      kind: "bare",
      url: hub.bareUrl,
      headersFor: (q) => ({ "content-type": "application/json", "x-purpose": q.purpose }),
    };
    const full: Gateway = { kind: "hub", url: hub.hubUrl, headersFor: hubHeadersFor };
    await checkMix(mix, [bare, full]);

    if (config.only === "chain-ceiling") {
      say("Measuring the audit chain's ceiling: 1, 2 and 4 writers, then 1, 2 and 4 hub gateways...");
      const { chain, chainCompleteness } = await measureChainCeiling(hub, mix, full, config);
      const elapsedSeconds = (Date.now() - startedAt.getTime()) / 1000;
      writeFileSync(
        config.outFile,
        renderChainReport({ startedAt, elapsedSeconds, loadAverage, chain, chainCompleteness }, config),
      );
      say(`Wrote ${config.outFile}`);
      return;
    }

    say(`Driving the mix: ${config.rounds} rounds of ${config.durationSeconds} s per gateway and query...`);
    const throughput = await measureThroughput(mix, { bare, hub: full }, config, say);
    const completeness = await checkAuditCompleteness(hub.databaseUrls.audit ?? "", throughput.hubRequestIds);

    say("Counting SQL statements per request...");
    const officer = mix.find((q) => q.persona === "border-officer");
    if (!officer) throw new Error("the mix has no query of the border officer to ask for lists with");
    const statements = [];
    for (const size of [10, 100]) {
      const refs = currentPersons(world, size);
      statements.push(await countStatements(hub.hubUrl, hubHeadersFor(officer), hub.metricsUrls, refs));
    }

    say("Timing the audit writer...");
    const auditWriter = await measureAuditWriter({
      hubAuditUrl: hub.databaseUrls.audit ?? "",
      scratchUrl: hub.scratchAuditUrl,
      keysDir: hub.keysDir,
      stateDir: path.join(config.outputDir, "state"),
      events: config.auditEvents,
      concurrency: AUDIT_CONCURRENCY,
    });

    say("Measuring the audit chain's ceiling: 1, 2 and 4 writers, then 1, 2 and 4 hub gateways...");
    const { chain, chainCompleteness } = await measureChainCeiling(hub, mix, full, config);

    let profile: ProfileSummary | undefined;
    if (config.profileSeconds > 0) {
      say(`Profiling the hub gateway for ${config.profileSeconds} s...`);
      profile = await profileHub(hub, mix, full, config);
    }

    const report = renderReport(
      {
        startedAt,
        elapsedSeconds: (Date.now() - startedAt.getTime()) / 1000,
        loadAverage,
        throughput: throughput.measurements,
        decisions,
        auditWriter,
        completeness,
        chain,
        chainCompleteness,
        statements,
        profile,
      },
      config,
    );
    writeFileSync(config.outFile, report);
    say(`Wrote ${config.outFile}`);
  } finally {
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
