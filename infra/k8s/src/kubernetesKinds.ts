/**
 * The Kubernetes kinds an overlay may render, each with its kubernetes-models class (whose
 * validate() checks an object against the Kubernetes OpenAPI schema) and the module its interface
 * comes from (which strictFields reads to refuse unknown fields, since validate() accepts them).
 */
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { Manifest, Problem } from "./manifest";
import { objectName } from "./manifest";

interface Model {
  validate(): void;
}

export interface KubernetesKind {
  apiVersion: string;
  kind: string;
  /** The module of kubernetes-models declaring the kind's interface `I<kind>`. */
  module: string;
  create(data: Manifest): Model;
}

const kind = (apiVersion: string, name: string, create: (data: never) => Model): KubernetesKind => ({
  apiVersion,
  kind: name,
  module: `kubernetes-models/${apiVersion === "v1" ? "v1" : apiVersion}/${name}`,
  create: create as (data: Manifest) => Model,
});

export const KUBERNETES_KINDS: readonly KubernetesKind[] = [
  kind("v1", "Namespace", (d) => new Namespace(d)),
  kind("v1", "ConfigMap", (d) => new ConfigMap(d)),
  kind("v1", "Secret", (d) => new Secret(d)),
  kind("v1", "Service", (d) => new Service(d)),
  kind("v1", "ServiceAccount", (d) => new ServiceAccount(d)),
  kind("apps/v1", "Deployment", (d) => new Deployment(d)),
  kind("autoscaling/v2", "HorizontalPodAutoscaler", (d) => new HorizontalPodAutoscaler(d)),
  kind("policy/v1", "PodDisruptionBudget", (d) => new PodDisruptionBudget(d)),
  kind("networking.k8s.io/v1", "NetworkPolicy", (d) => new NetworkPolicy(d)),
];

export function kubernetesKindOf(m: Manifest): KubernetesKind | undefined {
  return KUBERNETES_KINDS.find((k) => k.apiVersion === m.apiVersion && k.kind === m.kind);
}

interface SchemaError {
  instancePath?: string;
  message?: string;
}

/** The schema errors of one object, each naming its field. */
export function validateKubernetesObject(m: Manifest, k: KubernetesKind): Problem[] {
  try {
    k.create(m).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(errors)) return [{ object: objectName(m), field: "(object)", message: String(error) }];
    return errors.map((e) => ({
      object: objectName(m),
      field: fieldOfPointer(e.instancePath ?? ""),
      message: e.message ?? "does not match the Kubernetes schema",
    }));
  }
}

/** `/spec/template/spec/containers/0/image` as `spec.template.spec.containers[0].image`. */
export function fieldOfPointer(pointer: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  return fieldOfPath(parts) || "(object)";
}

export function fieldOfPath(parts: readonly (string | number)[]): string {
  return parts.reduce<string>((acc, p) => {
    if (typeof p === "number" || /^\d+$/.test(p)) return `${acc}[${p}]`;
    return acc ? `${acc}.${p}` : p;
  }, "");
}
