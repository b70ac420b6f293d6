/** The rendered objects the checks read, and the small helpers they share. */

/** A rendered Kubernetes object, as kustomize prints it: untrusted until checked. */
export interface Manifest {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; labels?: unknown };
  [field: string]: unknown;
}

export type Labels = Record<string, string>;

/** `Deployment/gateway`: how every message names an object. */
export function objectName(m: Manifest): string {
  return `${String(m.kind)}/${String(m.metadata?.name)}`;
}

export function nameOf(m: Manifest): string {
  return typeof m.metadata?.name === "string" ? m.metadata.name : "";
}

export function namespaceOf(m: Manifest): string {
  return typeof m.metadata?.namespace === "string" ? m.metadata.namespace : "default";
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The field at a dotted path, or undefined; arrays are indexed by number segments. */
export function at(value: unknown, ...segments: (string | number)[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function labelsOf(value: unknown): Labels {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

export function is(m: Manifest, apiVersion: string, kind: string): boolean {
  return m.apiVersion === apiVersion && m.kind === kind;
}

/** One problem found in an overlay: the object, the field, and what is wrong. */
export interface Problem {
  object: string;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.object}: ${p.field}: ${p.message}`;
}
