/**
 * Keeps the local hub's long-running children alive: says which child exited and how, restarts it
 * (a few times a minute, with backoff) or gives up on the hub with one clear message, and stops
 * every child within a bounded time whatever state it is in.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface ServiceSpec {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Polled after a restart, to say when the service answers again. */
  healthUrl?: string;
}

export interface SupervisorOptions {
  /** Restarts allowed per window before the supervisor gives up on the hub. */
  maxRestarts?: number;
  windowMs?: number;
  /** Delay before the first restart in a window; doubled for each further one. */
  backoffMs?: number;
  /** How long a child has to exit after SIGTERM before it is sent SIGKILL. */
  graceMs?: number;
  /** Where the supervisor says what happened (one line each). */
  report: (line: string) => void;
  /** Called once when the hub cannot go on: a child exited during start, or keeps exiting. */
  onFatal: (message: string) => void;
}

/** Starting: an exit is fatal (the hub never came up). Running: an exit is restarted. Stopping: exits are expected. */
type Phase = "starting" | "running" | "stopping";

interface Supervised {
  spec: ServiceSpec;
  child: ChildProcess;
  exits: number[];
  restartTimer?: NodeJS.Timeout;
}

/** How a child ended, as a person would say it. */
export const describeExit = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `exit code ${code}`;

const isAlive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export class Supervisor {
  private phase: Phase = "starting";
  private readonly services = new Map<string, Supervised>();
  /** One-off children (seeding): never restarted, but stopped with the rest. */
  private readonly helpers = new Set<ChildProcess>();
  private readonly maxRestarts: number;
  private readonly windowMs: number;
  private readonly backoffMs: number;
  private readonly graceMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.maxRestarts = options.maxRestarts ?? 3;
    this.windowMs = options.windowMs ?? 60_000;
    this.backoffMs = options.backoffMs ?? 1000;
    this.graceMs = options.graceMs ?? 5000;
  }

  /** Starts a service and watches it. */
  start(spec: ServiceSpec): ChildProcess {
    // A start still under way when the stop came must not leave a process behind it.
    if (this.phase === "stopping") throw new Error(`not starting ${spec.name}: the hub is stopping`);
    const service: Supervised = { spec, child: this.spawn(spec), exits: [] };
    this.services.set(spec.name, service);
    return service.child;
  }

  /** Stops `child` with the services (a seeding process, say) without ever restarting it. */
  track(child: ChildProcess): void {
    if (this.phase === "stopping") return void child.kill("SIGKILL");
    this.helpers.add(child);
    child.once("exit", () => this.helpers.delete(child));
  }

  /** From now on a service that exits is restarted rather than fatal. */
  running(): void {
    if (this.phase === "starting") this.phase = "running";
  }

  /** The current process of a service (it changes on restart). */
  child(name: string): ChildProcess | undefined {
    return this.services.get(name)?.child;
  }

  /** SIGTERM to every child, SIGKILL to those still running after the grace period; resolves when all have exited. */
  async stop(): Promise<void> {
    this.phase = "stopping";
    for (const service of this.services.values()) clearTimeout(service.restartTimer);
    const children = this.children();
    for (const child of children) child.kill("SIGTERM");
    const killer = setTimeout(() => {
      for (const [name, child] of this.named(children)) {
        this.options.report(`${name} did not stop within ${this.graceMs / 1000} s of SIGTERM: killing it`);
        child.kill("SIGKILL");
      }
    }, this.graceMs);
    await Promise.all(children.map(exited));
    clearTimeout(killer);
  }

  /** SIGKILL to every child, now (a second Ctrl-C). */
  killNow(): void {
    this.phase = "stopping";
    for (const service of this.services.values()) clearTimeout(service.restartTimer);
    for (const child of this.children()) child.kill("SIGKILL");
  }

  private children(): ChildProcess[] {
    return [...[...this.services.values()].map((s) => s.child), ...this.helpers].filter(isAlive);
  }

  /** The children among `children` still running, with the name to report them by. */
  private named(children: ChildProcess[]): [string, ChildProcess][] {
    const nameOf = (child: ChildProcess) =>
      [...this.services.values()].find((s) => s.child === child)?.spec.name ?? `process ${child.pid}`;
    return children.filter(isAlive).map((child) => [nameOf(child), child]);
  }

  private spawn(spec: ServiceSpec): ChildProcess {
    const child = spawn(process.execPath, [spec.entry], { env: spec.env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("exit", (code, signal) => this.exited(spec.name, child, code, signal));
    child.on("error", (error) => this.options.report(`${spec.name}: ${error.message}`));
    return child;
  }

  private exited(name: string, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    const service = this.services.get(name);
    if (!service || service.child !== child || this.phase === "stopping") return;
    const how = describeExit(code, signal);
    if (this.phase === "starting") {
      this.options.onFatal(`${name} exited during start (${how})`);
      return;
    }
    const now = Date.now();
    service.exits = [...service.exits.filter((t) => now - t < this.windowMs), now];
    const restarts = service.exits.length;
    if (restarts > this.maxRestarts) {
      this.options.onFatal(
        `${name} exited (${how}) ${restarts} times within ${this.windowMs / 1000} s: stopping the hub. Its log above says why.`,
      );
      return;
    }
    const delay = this.backoffMs * 2 ** (restarts - 1);
    this.options.report(
      `${name} exited (${how}); restarting it in ${delay / 1000} s (restart ${restarts} of ${this.maxRestarts} allowed within ${this.windowMs / 1000} s)`,
    );
    service.restartTimer = setTimeout(() => {
      if (this.phase === "stopping") return;
      service.child = this.spawn(service.spec);
      this.options.report(`${name} restarted (pid ${service.child.pid})`);
      if (service.spec.healthUrl) void this.announceHealthy(service, service.child);
    }, delay);
  }

  /** Says when a restarted service answers its health check again (gives up quietly if it exits first). */
  private async announceHealthy(service: Supervised, child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && isAlive(child) && this.phase === "running") {
      try {
        if ((await fetch(service.spec.healthUrl ?? "")).ok) {
          this.options.report(`${service.spec.name} is answering again`);
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function exited(child: ChildProcess): Promise<void> {
  return isAlive(child) ? new Promise((resolve) => child.once("exit", () => resolve())) : Promise.resolve();
}

/** Resolves with `work`, or rejects with `message` if it takes longer than `ms` (what hangs is left behind). */
export function withinMs<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
