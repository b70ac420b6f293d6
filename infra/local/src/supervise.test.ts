import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { Supervisor, withinMs, type SupervisorOptions } from "./supervise";

// Tiny real services: each is a node script in a temporary folder.
const dir = mkdtempSync(path.join(tmpdir(), "supervise-"));
const script = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const exitsWithOne = script("exits-with-one.js", "setTimeout(() => process.exit(1), 20);");
const staysUp = script("stays-up.js", "setInterval(() => {}, 1000);");
// Says it is ready (by a file) only once its SIGTERM handler is installed.
const ignoresSigterm = script(
  "ignores-sigterm.js",
  `process.on("SIGTERM", () => {}); require("fs").writeFileSync(process.env.READY, ""); setInterval(() => {}, 1000);`,
);
// Exits with 3 on its first run, stays up on the next.
const failsOnce = script(
  "fails-once.js",
  `const fs = require("fs"); if (!fs.existsSync(process.env.MARK)) { fs.writeFileSync(process.env.MARK, ""); process.exit(3); } setInterval(() => {}, 1000);`,
);

let supervisors: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(supervisors.map((s) => s.stop()));
  supervisors = [];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Observed {
  supervisor: Supervisor;
  lines: string[];
  fatal: Promise<string>;
}

function observe(options: Partial<SupervisorOptions> = {}): Observed {
  const lines: string[] = [];
  let onFatal: (message: string) => void = () => undefined;
  const fatal = new Promise<string>((resolve) => (onFatal = resolve));
  const supervisor = new Supervisor({ backoffMs: 10, graceMs: 300, ...options, report: (l) => lines.push(l), onFatal });
  supervisors.push(supervisor);
  return { supervisor, lines, fatal };
}

const until = async (condition: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};
const alive = (child: ChildProcess | undefined) => !!child && child.exitCode === null && child.signalCode === null;
const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, ...extra });

describe("supervising the local hub's services", () => {
  it("gives up on the hub at once when a service exits during start, naming it and its exit code", async () => {
    const { supervisor, lines, fatal } = observe();
    supervisor.start({ name: "border-police", entry: exitsWithOne, env: env() });
    expect(await fatal).toBe("border-police exited during start (exit code 1)");
    expect(lines).toEqual([]);
  });

  it("restarts a running service that exits, with backoff, and stops the hub when it keeps failing", async () => {
    const { supervisor, lines, fatal } = observe({ maxRestarts: 3, windowMs: 60_000 });
    supervisor.start({ name: "gateway", entry: exitsWithOne, env: env() });
    supervisor.running();
    const message = await fatal;
    expect(message).toMatch(/^gateway exited \(exit code 1\) 4 times within 60 s: stopping the hub/);
    expect(lines.filter((l) => l.includes("restarting it in"))).toEqual([
      "gateway exited (exit code 1); restarting it in 0.01 s (restart 1 of 3 allowed within 60 s)",
      "gateway exited (exit code 1); restarting it in 0.02 s (restart 2 of 3 allowed within 60 s)",
      "gateway exited (exit code 1); restarting it in 0.04 s (restart 3 of 3 allowed within 60 s)",
    ]);
  });

  it("brings back a service that was killed, and says so", async () => {
    const { supervisor, lines } = observe();
    const first = supervisor.start({ name: "migration-service", entry: staysUp, env: env() });
    supervisor.running();
    await until(() => first.pid !== undefined);
    first.kill("SIGKILL");
    await until(() => alive(supervisor.child("migration-service")) && supervisor.child("migration-service") !== first);
    expect(lines[0]).toBe(
      "migration-service exited (signal SIGKILL); restarting it in 0.01 s (restart 1 of 3 allowed within 60 s)",
    );
    expect(lines[1]).toMatch(/^migration-service restarted \(pid \d+\)$/);
  });

  it("keeps a service that failed once and then stays up", async () => {
    const { supervisor, lines } = observe();
    supervisor.start({ name: "audit", entry: failsOnce, env: env({ MARK: path.join(dir, "failed-once") }) });
    supervisor.running();
    await until(() => lines.length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(supervisor.child("audit"))).toBe(true);
    expect(lines[0]).toContain("audit exited (exit code 3)");
  });
});

describe("stopping the local hub", () => {
  it("kills a service that ignores SIGTERM once the grace period is over", async () => {
    const { supervisor, lines } = observe({ graceMs: 300 });
    const ready = path.join(dir, "ready");
    const child = supervisor.start({ name: "statistics-office", entry: ignoresSigterm, env: env({ READY: ready }) });
    supervisor.running();
    await until(() => existsSync(ready));
    const started = Date.now();
    await supervisor.stop();
    const took = Date.now() - started;
    expect(child.signalCode).toBe("SIGKILL");
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(2000);
    expect(lines).toEqual(["statistics-office did not stop within 0.3 s of SIGTERM: killing it"]);
  });

  it("stops a service that honours SIGTERM without waiting for the grace period, and never restarts it", async () => {
    const { supervisor, lines } = observe({ graceMs: 10_000 });
    const child = supervisor.start({ name: "border-police", entry: staysUp, env: env() });
    supervisor.running();
    const started = Date.now();
    await supervisor.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(child.signalCode).toBe("SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(supervisor.child("border-police"))).toBe(false);
    expect(lines).toEqual([]);
  });

  it("also stops the one-off processes it tracks (a seeding run)", async () => {
    const { supervisor } = observe();
    const seeding = spawn(process.execPath, [staysUp], { stdio: "ignore" });
    supervisor.track(seeding);
    await supervisor.stop();
    expect(seeding.signalCode).toBe("SIGTERM");
  });

  it("starts nothing more once stopping, so a start still under way leaves no process behind", async () => {
    const { supervisor } = observe();
    await supervisor.stop();
    expect(() => supervisor.start({ name: "gateway", entry: staysUp, env: env() })).toThrow(/the hub is stopping/);
    const late = spawn(process.execPath, [staysUp], { stdio: "ignore" });
    supervisor.track(late);
    await until(() => late.signalCode === "SIGKILL");
  });

  it("kills everything at once on a second Ctrl-C", async () => {
    const { supervisor } = observe({ graceMs: 60_000 });
    const ready = path.join(dir, "ready-too");
    const child = supervisor.start({ name: "gateway", entry: ignoresSigterm, env: env({ READY: ready }) });
    await until(() => existsSync(ready));
    void supervisor.stop();
    supervisor.killNow();
    await until(() => child.signalCode === "SIGKILL", 2000);
  });

  it("bounds a stop step that hangs", async () => {
    const started = Date.now();
    await expect(withinMs(new Promise(() => undefined), 100, "the databases hang")).rejects.toThrow(
      "the databases hang",
    );
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(withinMs(Promise.resolve("closed"), 100, "unused")).resolves.toBe("closed");
  });
});
