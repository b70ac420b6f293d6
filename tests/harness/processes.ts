/**
 * Extra hub processes a test owns (a second gateway, a subgraph it may kill) and a TCP relay it
 * may cut, so a fault test never disturbs the hub the other test files share.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { AGENCY_PROCESSES } from "@hub/local/dist/layout";
import { freePort } from "@hub/local/dist/processes";
import type { SubgraphName } from "@hub/contracts";
import { hub, repoRoot } from "./fixtures";
import { OUTPUT_DIR, OWN_LOGS } from "./hubEnv";

export { freePort };

export interface OwnedProcess {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  child: ChildProcess;
  /** What the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Sends the signal and resolves once the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

async function startProcess(entry: string, env: Record<string, string>, port: number): Promise<OwnedProcess> {
  const child = spawn(process.execPath, [entry], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  child.stdout?.on("data", (c: Buffer) => chunks.push(c.toString()));
  child.stderr?.on("data", (c: Buffer) => chunks.push(c.toString()));
  const origin = `http://127.0.0.1:${port}`;
  // Kept for the log scan at teardown, like the shared hub's logs.
  const logFile = path.join(
    OUTPUT_DIR,
    OWN_LOGS,
    `${path.basename(path.dirname(path.dirname(entry)))}-${port}-${child.pid ?? 0}.log`,
  );
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      mkdirSync(path.dirname(logFile), { recursive: true });
      writeFileSync(logFile, chunks.join(""));
      resolve();
    }),
  );
  const owned: OwnedProcess = {
    port,
    origin,
    child,
    output: () => chunks.join(""),
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited at start: ${owned.output()}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return owned;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await owned.stop("SIGKILL");
  throw new Error(`${entry} did not become healthy: ${owned.output()}`);
}

/** A gateway of the test's own, with the shared hub's environment and the given overrides. */
export async function startOwnGateway(overrides: Record<string, string> = {}, port?: number): Promise<OwnedProcess> {
  return startProcess(
    path.join(repoRoot, "gateway/dist/main.js"),
    { ...hub.gatewayEnv, ...overrides },
    port ?? (await freePort()),
  );
}

/** A subgraph process of the test's own, on the shared hub's seeded database for that agency. */
export async function startOwnSubgraph(
  name: SubgraphName,
  overrides: Record<string, string> = {},
  port?: number,
): Promise<OwnedProcess> {
  const agency = AGENCY_PROCESSES.find((a) => a.name === name);
  if (!agency) throw new Error(`no subgraph ${name}`);
  return startProcess(
    agency.entry,
    {
      ...hub.subgraphEnv,
      [agency.databaseUrlVariable]: hub.databaseUrls[name] ?? "",
      ...overrides,
    },
    port ?? (await freePort()),
  );
}

/** The gateway variable that points it at a subgraph (BORDER_POLICE_URL, ...). */
export const subgraphUrlVariable = (name: SubgraphName) => `${name.toUpperCase().replace(/-/g, "_")}_URL`;

export interface TcpRelay {
  port: number;
  /** Drops every open connection and refuses new ones (a store that went away). */
  cut: () => void;
  /** Keeps connections open but forwards nothing (a store that hangs). */
  stall: () => void;
  /** Forwards again. */
  resume: () => void;
  close: () => Promise<void>;
}

/** Forwards TCP to host:port until told otherwise; real bytes, real server behind it. */
export async function startTcpRelay(host: string, targetPort: number): Promise<TcpRelay> {
  let mode: "forward" | "cut" | "stall" = "forward";
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (mode === "cut") return void client.destroy();
    const upstream = net.connect(targetPort, host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("data", (chunk) => mode === "forward" && upstream.write(chunk));
    upstream.on("data", (chunk) => mode === "forward" && client.write(chunk));
    client.on("close", drop).on("error", drop);
    upstream.on("close", drop).on("error", drop);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
  return {
    port,
    cut: () => {
      mode = "cut";
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    stall: () => {
      mode = "stall";
    },
    resume: () => {
      mode = "forward";
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
