/**
 * Validates one rendered overlay: every object against its schema (Kubernetes through
 * kubernetes-models, with unknown fields refused; CloudNativePG through our own schemas), then the
 * hub's rules on the objects together.
 */
import path from "node:path";
import { kubernetesKindOf, validateKubernetesObject } from "./kubernetesKinds";
import { objectName, type Manifest, type Problem } from "./manifest";
import { checkNetwork } from "./networkRules";
import { checkReferences } from "./referenceRules";
import { renderOverlay, renderWithComponents } from "./renderOverlay";
import { checkServices } from "./serviceRules";
import { unknownFields } from "./strictFields";
import { isCnpgKind, validateCnpgObject } from "./validateCnpg";
import { checkWorkloads } from "./workloadRules";
import { NAMESPACE } from "./hubTopology";

/** The repository root, where each Deployment's command must exist (built). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

export interface OverlayResult {
  objects: Manifest[];
  problems: Problem[];
}

export function validateObjects(objects: readonly Manifest[], repoRoot = REPO_ROOT): Problem[] {
  const problems: Problem[] = [];
  for (const m of objects) {
    const k = kubernetesKindOf(m);
    if (k) problems.push(...validateKubernetesObject(m, k), ...unknownFields(m, k));
    else if (isCnpgKind(m)) problems.push(...validateCnpgObject(m));
    else
      problems.push({
        object: objectName(m),
        field: "apiVersion",
        message: `no schema is known for ${String(m.apiVersion)} ${String(m.kind)} (add it to kubernetesKinds.ts or cnpgSchemas.ts)`,
      });
    if (m.kind !== "Namespace" && m.metadata?.namespace !== NAMESPACE)
      problems.push({ object: objectName(m), field: "metadata.namespace", message: `must be ${NAMESPACE}` });
  }
  // The hub's rules read fields the schemas have checked; with schema errors they would only add noise.
  if (problems.length > 0) return problems;
  return [
    ...checkWorkloads(objects, repoRoot),
    ...checkReferences(objects),
    ...checkServices(objects),
    ...checkNetwork(objects),
  ];
}

/** Validates the overlay in `dir`, or the overlay with `components` (infra/k8s/components) added. */
export function validateOverlay(dir: string, repoRoot = REPO_ROOT, components: readonly string[] = []): OverlayResult {
  const objects = components.length > 0 ? renderWithComponents(dir, components) : renderOverlay(dir);
  return { objects, problems: validateObjects(objects, repoRoot) };
}
