/**
 * Renders a kustomize overlay with the kubectl on PATH (spawned without a shell) and parses its
 * objects; with components, the overlay as it renders once those are added to it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { isRecord, type Manifest } from "./manifest";

export class RenderError extends Error {}

/** kustomize components (infra/k8s/components) an operator adds to an overlay, by overlay. */
export const OVERLAY_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  // docs/deployment.md, "Restore, with verification".
  production: ["audit-db-restore"],
};

export const COMPONENTS_DIR = path.resolve(__dirname, "..", "components");

/**
 * The overlay with components (names in componentsDir, or absolute folders) added, rendered from a scratch kustomization beside it in the
 * temporary folder (kustomize takes other folders by relative path only).
 */
export function renderWithComponents(
  dir: string,
  components: readonly string[],
  kubectl = "kubectl",
  componentsDir = COMPONENTS_DIR,
): Manifest[] {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "hub-k8s-render-"));
  try {
    const relative = (to: string) => JSON.stringify(path.relative(scratch, to));
    writeFileSync(
      path.join(scratch, "kustomization.yaml"),
      [
        "apiVersion: kustomize.config.k8s.io/v1beta1",
        "kind: Kustomization",
        `resources: [${relative(dir)}]`,
        `components: [${components.map((c) => relative(path.resolve(componentsDir, c))).join(", ")}]`,
        "",
      ].join("\n"),
    );
    return renderOverlay(scratch, kubectl);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

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
