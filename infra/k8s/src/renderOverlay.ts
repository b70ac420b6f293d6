/** Renders a kustomize overlay with the kubectl on PATH (spawned without a shell) and parses its objects. */
import { spawnSync } from "node:child_process";
import { parseAllDocuments } from "yaml";
import { isRecord, type Manifest } from "./manifest";

export class RenderError extends Error {}

export function renderOverlay(dir: string, kubectl = "kubectl"): Manifest[] {
  const run = spawnSync(kubectl, ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, shell: false });
  if (run.error) throw new RenderError(`cannot run ${kubectl} kustomize: ${run.error.message}`);
  // The overlays use kustomize's `patches` and `envs`: kubectl 1.21 or newer (kustomize v4+).
  if (run.status !== 0)
    throw new RenderError(`kubectl kustomize ${dir} failed (it needs kubectl 1.21 or newer): ${run.stderr.trim()}`);
  return parseManifests(run.stdout);
}

export function parseManifests(text: string): Manifest[] {
  const objects: Manifest[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
    if (doc.errors.length > 0) throw new RenderError(`the rendered YAML does not parse: ${doc.errors[0]?.message}`);
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) throw new RenderError("a rendered document is not an object");
    objects.push(value as Manifest);
  }
  return objects;
}
