/** A bad setting stops a process at start with one line naming the variable. */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { hub, repoRoot } from "../harness/fixtures";
import { freePort } from "../harness/processes";

function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, entry)],
      { env: { PATH: process.env.PATH, ...env }, timeout: 20_000 },
      (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe("configuration", () => {
  it("the gateway refuses a malformed country code and names the variable", async () => {
    const { code, stderr } = await run("gateway/dist/main.js", { HUB_COUNTRY: "Armenia" });
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Invalid configuration: HUB_COUNTRY: /)]);
  });

  it("the gateway refuses a signing algorithm outside the allow-list", async () => {
    const { code, stderr } = await run("gateway/dist/main.js", { HUB_ALGORITHMS: "RS256,HS256" });
    expect(code).not.toBe(0);
    expect(stderr.trim()).toMatch(/^Invalid configuration: HUB_ALGORITHMS: /);
  });

  it("the gateway refuses a rate limit store that is not a Redis URL, and a negative budget", async () => {
    const redis = await run("gateway/dist/main.js", { REDIS_URL: "http://127.0.0.1:6379" });
    expect(redis.code).not.toBe(0);
    expect(redis.stderr.trim()).toMatch(/^Invalid configuration: REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL$/);
    const budget = await run("gateway/dist/main.js", { HUB_RATE_LIMIT_SUBJECT_POINTS: "-1" });
    expect(budget.code).not.toBe(0);
    expect(budget.stderr.trim()).toMatch(/^Invalid configuration: HUB_RATE_LIMIT_SUBJECT_POINTS: /);
  });

  it("the gateway refuses an audit value key too short to be a secret, and names the variable", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hub-value-key-"));
    const file = path.join(dir, "audit-values.key");
    writeFileSync(file, "short\n");
    try {
      const { code, stderr } = await run("gateway/dist/main.js", {
        ...hub.gatewayEnv,
        PORT: String(await freePort()),
        AUDIT_VALUE_KEY: file,
      });
      expect(code).not.toBe(0);
      expect(stderr.trim()).toMatch(/AUDIT_VALUE_KEY.*shorter than 32 characters/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a subgraph refuses a database URL that is not PostgreSQL and names the variable", async () => {
    const { code, stderr } = await run("subgraphs/border-police/dist/main.js", {
      BORDER_POLICE_DATABASE_URL: "mysql://localhost/bp",
    });
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Invalid configuration: BORDER_POLICE_DATABASE_URL: /),
    ]);
  });
});
