/**
 * The pods an overlay would run, for the checks that reason about selectors and traffic: each
 * Deployment's pod template, and each CloudNativePG Cluster's instances with the labels the
 * operator gives them (cnpg.io/cluster, cnpg.io/podRole, and the Cluster's inheritedMetadata).
 */
import { at, is, isRecord, labelsOf, nameOf, namespaceOf, records, type Labels, type Manifest } from "./manifest";

export interface ModelPod {
  /** `Deployment/gateway`, `Cluster/audit-db`. */
  owner: string;
  /** The Deployment's or the Cluster's name. */
  name: string;
  namespace: string;
  labels: Labels;
  /** Container ports by number, and their names. */
  ports: { name?: string; port: number }[];
  kind: "deployment" | "database";
}

/** CloudNativePG instance ports: PostgreSQL, the instance manager's status, its metrics. */
const CNPG_PORTS = [
  { name: "postgresql", port: 5432 },
  { name: "status", port: 8000 },
  { name: "metrics", port: 9187 },
];

export const isCluster = (m: Manifest) => is(m, "postgresql.cnpg.io/v1", "Cluster");
export const isDeployment = (m: Manifest) => is(m, "apps/v1", "Deployment");

export function modelPods(objects: readonly Manifest[]): ModelPod[] {
  const pods: ModelPod[] = [];
  for (const m of objects) {
    if (isDeployment(m)) {
      const spec = at(m, "spec", "template", "spec");
      pods.push({
        owner: `Deployment/${nameOf(m)}`,
        name: nameOf(m),
        namespace: namespaceOf(m),
        labels: labelsOf(at(m, "spec", "template", "metadata", "labels")),
        ports: records(at(spec, "containers")).flatMap((c) =>
          records(c.ports).flatMap((p) =>
            typeof p.containerPort === "number"
              ? [{ port: p.containerPort, ...(typeof p.name === "string" ? { name: p.name } : {}) }]
              : [],
          ),
        ),
        kind: "deployment",
      });
    } else if (isCluster(m)) {
      pods.push({
        owner: `Cluster/${nameOf(m)}`,
        name: nameOf(m),
        namespace: namespaceOf(m),
        labels: {
          ...labelsOf(at(m, "spec", "inheritedMetadata", "labels")),
          "cnpg.io/cluster": nameOf(m),
          "cnpg.io/podRole": "instance",
        },
        ports: CNPG_PORTS,
        kind: "database",
      });
    }
  }
  return pods;
}

export interface LabelSelector {
  matchLabels?: unknown;
  matchExpressions?: unknown;
}

/** Whether a Kubernetes label selector selects these labels ({} selects everything). */
export function selects(selector: unknown, labels: Labels): boolean {
  if (!isRecord(selector)) return false;
  const match = labelsOf(selector.matchLabels);
  if (!Object.entries(match).every(([k, v]) => labels[k] === v)) return false;
  return records(selector.matchExpressions).every((e) => {
    const key = String(e.key);
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    switch (e.operator) {
      case "In":
        return key in labels && values.includes(labels[key] ?? "");
      case "NotIn":
        return !(key in labels) || !values.includes(labels[key] ?? "");
      case "Exists":
        return key in labels;
      case "DoesNotExist":
        return !(key in labels);
      default:
        return false;
    }
  });
}

/** The labels Kubernetes gives every namespace. */
export const namespaceLabels = (namespace: string): Labels => ({ "kubernetes.io/metadata.name": namespace });
