/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and sums self time per function and per package,
 * idle time left out, so the report can name where the gateway's CPU went.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock that process.hrtime also reads. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  /** Share of the busy (non-idle) time, 0..1. */
  share: number;
}

export interface ProfileSummary {
  /** Busy time sampled, milliseconds. */
  busyMs: number;
  /** Share of wall time the process was not idle. */
  busyShare: number;
  frames: ProfileShare[];
  packages: ProfileShare[];
  /** Samples before `fromMicros` (the process's start-up) were left out. */
  startUpExcluded: boolean;
}

/** Where a frame's code lives: a package in node_modules, a workspace of the hub, Node itself. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const modules = url.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const dist = url.indexOf("/dist/");
  if (dist !== -1) return `hub ${path.basename(url.slice(0, dist))}`;
  return url;
}

const frameName = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  // Node's own modules by their internal path (crypto/util), others by package and file name.
  const file = url.startsWith("node:") ? url.replace(/^node:(internal\/)?/, "") : path.basename(url);
  const where = url ? `${packageOf(url, functionName)} ${file}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"}${where ? ` (${where})` : ""}`;
};

/** `fromMicros`: leave out what was sampled before then (process.hrtime in µs), start-up for one. */
export function summariseProfile(file: string, fromMicros = 0, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  let at = profile.startTime;
  const stamps = profile.timeDeltas.map((delta) => (at += delta));
  // Were the clocks not the same, nothing would be left: then the whole profile is read.
  const startUpExcluded = fromMicros > 0 && stamps.some((t) => t >= fromMicros);
  const from = startUpExcluded ? fromMicros : Number.NEGATIVE_INFINITY;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  let busy = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    if ((stamps[i] ?? 0) < from) return;
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === "(idle)") return;
    busy += delta;
    const name = frameName(node);
    frames.set(name, (frames.get(name) ?? 0) + delta);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + delta);
  });
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, share: busy > 0 ? micros / busy : 0 }));
  return {
    busyMs: busy / 1000,
    busyShare: total > 0 ? busy / total : 0,
    frames: ranked(frames),
    packages: ranked(packages),
    startUpExcluded,
  };
}
