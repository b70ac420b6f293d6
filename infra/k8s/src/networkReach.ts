/**
 * Which traffic an overlay's NetworkPolicies let through, computed as Kubernetes does: a pod no
 * policy selects for a direction is open in that direction; a selected pod takes what the union of
 * the selecting policies' rules allows. An ipBlock peer is taken to match any address, a pod's
 * included (whether pod addresses match ipBlocks depends on the network plugin).
 */
import { at, is, isRecord, labelsOf, namespaceOf, objectName, records, type Labels, type Manifest } from "./manifest";
import { selects, type ModelPod } from "./podModel";

/** A pod (of the overlay or a stand-in for others) or an address outside the cluster. */
export interface Endpoint {
  description: string;
  /** Absent for an address outside the cluster: only ipBlock peers match it. */
  pod?: { namespace: string; namespaceLabels: Labels; labels: Labels };
  ports: { name?: string; port: number }[];
}

export interface Port {
  port: number;
  protocol?: "TCP" | "UDP";
}

export interface Policy {
  source: Manifest;
  name: string;
  namespace: string;
  podSelector: unknown;
  ingress: Record<string, unknown>[] | undefined;
  egress: Record<string, unknown>[] | undefined;
}

export function policiesOf(objects: readonly Manifest[]): Policy[] {
  return objects
    .filter((m) => is(m, "networking.k8s.io/v1", "NetworkPolicy"))
    .map((m) => {
      const spec = at(m, "spec");
      const types = Array.isArray(at(spec, "policyTypes"))
        ? (at(spec, "policyTypes") as unknown[])
        : ["Ingress", ...(at(spec, "egress") !== undefined ? ["Egress"] : [])];
      return {
        source: m,
        name: objectName(m),
        namespace: namespaceOf(m),
        podSelector: at(spec, "podSelector"),
        ingress: types.includes("Ingress") ? records(at(spec, "ingress")) : undefined,
        egress: types.includes("Egress") ? records(at(spec, "egress")) : undefined,
      };
    });
}

export function namespaceLabelsOf(objects: readonly Manifest[], namespace: string): Labels {
  const declared = objects.find((m) => is(m, "v1", "Namespace") && m.metadata?.name === namespace);
  return { ...labelsOf(declared?.metadata?.labels), "kubernetes.io/metadata.name": namespace };
}

export function endpointOf(pod: ModelPod, objects: readonly Manifest[]): Endpoint {
  return {
    description: pod.owner,
    pod: { namespace: pod.namespace, namespaceLabels: namespaceLabelsOf(objects, pod.namespace), labels: pod.labels },
    ports: pod.ports,
  };
}

const selectsPod = (p: Policy, pod: ModelPod) => p.namespace === pod.namespace && selects(p.podSelector, pod.labels);

/** Whether `target`'s ingress policies admit `source` (on `port`, or on any port). */
export function admits(policies: readonly Policy[], target: ModelPod, source: Endpoint, port?: Port): boolean {
  const governing = policies.filter((p) => p.ingress !== undefined && selectsPod(p, target));
  if (governing.length === 0) return true;
  return governing.some((p) =>
    (p.ingress ?? []).some(
      (rule) => peersMatch(rule.from, source, p.namespace) && portsMatch(rule.ports, target.ports, port),
    ),
  );
}

/** Whether `source`'s egress policies let it send to `target` (on `port`, or on any port). */
export function lets(policies: readonly Policy[], source: ModelPod, target: Endpoint, port?: Port): boolean {
  const governing = policies.filter((p) => p.egress !== undefined && selectsPod(p, source));
  if (governing.length === 0) return true;
  return governing.some((p) =>
    (p.egress ?? []).some(
      (rule) => peersMatch(rule.to, target, p.namespace) && portsMatch(rule.ports, target.ports, port),
    ),
  );
}

function peersMatch(peers: unknown, endpoint: Endpoint, policyNamespace: string): boolean {
  if (!Array.isArray(peers) || peers.length === 0) return true;
  return peers.some((peer) => {
    if (!isRecord(peer)) return false;
    if (peer.ipBlock !== undefined) return true;
    const pod = endpoint.pod;
    if (!pod) return false;
    if (peer.namespaceSelector !== undefined) {
      if (!selects(peer.namespaceSelector, pod.namespaceLabels)) return false;
      return peer.podSelector === undefined || selects(peer.podSelector, pod.labels);
    }
    return pod.namespace === policyNamespace && selects(peer.podSelector, pod.labels);
  });
}

function portsMatch(ports: unknown, targetPorts: Endpoint["ports"], wanted: Port | undefined): boolean {
  if (!Array.isArray(ports) || ports.length === 0 || wanted === undefined) return true;
  return ports.some((p) => {
    if (!isRecord(p)) return false;
    if ((p.protocol ?? "TCP") !== (wanted.protocol ?? "TCP")) return false;
    if (p.port === undefined) return true;
    const first = typeof p.port === "string" ? targetPorts.find((t) => t.name === p.port)?.port : p.port;
    if (typeof first !== "number") return false;
    const last = typeof p.endPort === "number" ? p.endPort : first;
    return wanted.port >= first && wanted.port <= last;
  });
}

/** A range of ports a rule opens. */
export interface PortRange {
  first: number;
  last: number;
  protocol: string;
}

/**
 * The port ranges on which `source`'s egress policies let it send to `target`, or "any" when some
 * rule (or the absence of any policy) limits no port, or names a port by a name the target's ports
 * cannot resolve.
 */
export function egressPortsTo(policies: readonly Policy[], source: ModelPod, target: Endpoint): "any" | PortRange[] {
  const governing = policies.filter((p) => p.egress !== undefined && selectsPod(p, source));
  if (governing.length === 0) return "any";
  const ranges: PortRange[] = [];
  for (const p of governing)
    for (const rule of p.egress ?? []) {
      if (!peersMatch(rule.to, target, p.namespace)) continue;
      if (!Array.isArray(rule.ports) || rule.ports.length === 0) return "any";
      for (const port of rule.ports) {
        if (!isRecord(port)) continue;
        const first = typeof port.port === "string" ? target.ports.find((t) => t.name === port.port)?.port : port.port;
        if (typeof first !== "number") return "any";
        const last = typeof port.endPort === "number" ? port.endPort : first;
        ranges.push({ first, last, protocol: typeof port.protocol === "string" ? port.protocol : "TCP" });
      }
    }
  return ranges;
}
