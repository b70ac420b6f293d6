/**
 * The hub's network rules, checked on the traffic the policies allow (networkReach): no policy
 * selects nothing, every pod is under a default deny, the isolation matrix holds in both
 * directions (subgraphs only from the gateway, each agency database only from its subgraph, the
 * audit database only from the gateway and the audit subgraph, Redis only from the gateway, the
 * gateway from no pod of the hub but the Statistics Office's profile pull; each pod sends only to
 * the pods it needs, and outside the namespace only on the ports OUTSIDE_PORTS names), and the
 * paths the hub needs are open.
 */
import { at, nameOf, records, type Manifest, type Problem } from "./manifest";
import { fieldOfPath } from "./kubernetesKinds";
import {
  DATABASE_CLIENTS,
  GATEWAY,
  GATEWAY_CLIENTS,
  GATEWAY_PORT,
  OPERATOR_LABELS,
  OPERATOR_NAMESPACE,
  OUTSIDE_PORTS,
  REDIS,
  SUBGRAPHS,
} from "./hubTopology";
import {
  admits,
  egressPortsTo,
  endpointOf,
  lets,
  policiesOf,
  type Endpoint,
  type Policy,
  type Port,
} from "./networkReach";
import { isDeployment, modelPods, selects, type ModelPod } from "./podModel";

const stranger = (namespace: string): Endpoint => ({
  description: `a pod of namespace ${namespace}`,
  pod: { namespace, namespaceLabels: { "kubernetes.io/metadata.name": namespace }, labels: {} },
  ports: [],
});
const OUTSIDE: Endpoint = { description: "an address outside the cluster", ports: [{ port: 443 }] };
const OPERATOR: Endpoint = {
  description: "the CloudNativePG operator",
  pod: {
    namespace: OPERATOR_NAMESPACE,
    namespaceLabels: { "kubernetes.io/metadata.name": OPERATOR_NAMESPACE },
    labels: OPERATOR_LABELS,
  },
  ports: [],
};
const DNS: Endpoint = {
  description: "the cluster DNS",
  pod: {
    namespace: "kube-system",
    namespaceLabels: { "kubernetes.io/metadata.name": "kube-system" },
    labels: { "k8s-app": "kube-dns" },
  },
  ports: [{ port: 53 }],
};

export function checkNetwork(objects: readonly Manifest[]): Problem[] {
  const pods = modelPods(objects);
  const policies = policiesOf(objects);
  return [
    ...selectorProblems(policies, pods),
    ...coverageProblems(policies, pods),
    ...isolationProblems(policies, pods, objects),
    ...egressProblems(policies, pods, objects),
    ...pathProblems(policies, pods, objects),
  ];
}

function selectorProblems(policies: readonly Policy[], pods: readonly ModelPod[]): Problem[] {
  const problems: Problem[] = [];
  const none = (namespace: string, selector: unknown) =>
    !pods.some((pod) => pod.namespace === namespace && selects(selector, pod.labels));
  for (const p of policies) {
    if (none(p.namespace, p.podSelector))
      problems.push({
        object: p.name,
        field: "spec.podSelector",
        message: "selects no pod of the overlay (a policy that selects nothing protects nothing)",
      });
    for (const direction of ["ingress", "egress"] as const) {
      records(at(p.source, "spec", direction)).forEach((rule, r) => {
        records(rule[direction === "ingress" ? "from" : "to"]).forEach((peer, i) => {
          if (
            peer.namespaceSelector === undefined &&
            peer.podSelector !== undefined &&
            none(p.namespace, peer.podSelector)
          )
            problems.push({
              object: p.name,
              field: fieldOfPath(["spec", direction, r, direction === "ingress" ? "from" : "to", i, "podSelector"]),
              message: "selects no pod of the overlay",
            });
        });
      });
    }
  }
  return problems;
}

function coverageProblems(policies: readonly Policy[], pods: readonly ModelPod[]): Problem[] {
  return pods.flatMap((pod) =>
    (["ingress", "egress"] as const).flatMap((direction) =>
      policies.some(
        (p) => p[direction] !== undefined && p.namespace === pod.namespace && selects(p.podSelector, pod.labels),
      )
        ? []
        : [
            {
              object: pod.owner,
              field: "labels",
              message: `no NetworkPolicy limits its ${direction} (a default deny must select it)`,
            },
          ],
    ),
  );
}

/** Of the overlay's own pods, which may reach each protected one; everything else must be refused. */
function allowedSources(target: ModelPod): readonly string[] | undefined {
  if (target.kind === "database") return [...(DATABASE_CLIENTS[target.name] ?? []), target.name];
  if ((SUBGRAPHS as readonly string[]).includes(target.name) || target.name === REDIS) return [GATEWAY];
  if (target.name === GATEWAY) return GATEWAY_CLIENTS;
  return undefined;
}

function isolationProblems(
  policies: readonly Policy[],
  pods: readonly ModelPod[],
  objects: readonly Manifest[],
): Problem[] {
  const problems: Problem[] = [];
  for (const target of pods) {
    const allowed = allowedSources(target);
    if (!allowed) continue;
    const only = allowed.length > 0 ? `only ${allowed.join(", ")} may` : "no pod of the hub may";
    for (const source of pods) {
      if (source === target) continue;
      if (!allowed.includes(source.name)) {
        if (admits(policies, target, endpointOf(source, objects)))
          problems.push({
            object: target.owner,
            field: "ingress",
            message: `admits ${source.owner} (${only} reach it)`,
          });
      } else if (target.name === GATEWAY) {
        // Its clients call /graphql, never the metrics port (production's HUB_METRICS_PORT).
        for (const { port } of target.ports)
          if (port !== GATEWAY_PORT && admits(policies, target, endpointOf(source, objects), { port }))
            problems.push({
              object: target.owner,
              field: "ingress",
              message: `admits ${source.owner} on port ${port} (only on ${GATEWAY_PORT})`,
            });
      }
    }
    if (target.name === GATEWAY) continue;
    const outsiders: [Endpoint, string][] = [
      [stranger(target.namespace), "any pod of its namespace"],
      [stranger("elsewhere"), "pods of other namespaces"],
      [OUTSIDE, "addresses outside the cluster"],
    ];
    for (const [who, what] of outsiders)
      if (admits(policies, target, who))
        problems.push({ object: target.owner, field: "ingress", message: `admits ${what} (${only} reach it)` });
  }
  return problems;
}

/** Of the overlay's own pods, which each may send to; everything else must be refused. */
function allowedDestinations(source: ModelPod): readonly string[] | undefined {
  if (source.kind === "database") return [source.name];
  const databases = Object.entries(DATABASE_CLIENTS)
    .filter(([, clients]) => clients.includes(source.name))
    .map(([database]) => database);
  if (source.name === GATEWAY) return [...SUBGRAPHS, REDIS, ...databases];
  if ((SUBGRAPHS as readonly string[]).includes(source.name))
    return [...databases, ...(GATEWAY_CLIENTS.includes(source.name) ? [GATEWAY] : [])];
  if (source.name === REDIS) return [];
  return undefined;
}

/**
 * Whether the gateway fetches an identity provider's keys (HUB_ISSUER set): without one (the demo's
 * development issuer, whose keys it holds) it sends nothing outside the cluster.
 */
function gatewayHasIssuer(objects: readonly Manifest[]): boolean {
  const gateway = objects.find((m) => isDeployment(m) && nameOf(m) === GATEWAY);
  return records(at(gateway, "spec", "template", "spec", "containers")).some((c) =>
    records(c.env).some((e) => e.name === "HUB_ISSUER"),
  );
}

/** The ports on which a pod may send beyond the overlay's pods (DNS aside). */
function outsidePorts(source: ModelPod, objects: readonly Manifest[]): readonly number[] {
  if (source.kind === "database") return OUTSIDE_PORTS.database;
  return source.name === GATEWAY && gatewayHasIssuer(objects) ? OUTSIDE_PORTS.gateway : [];
}

function egressProblems(
  policies: readonly Policy[],
  pods: readonly ModelPod[],
  objects: readonly Manifest[],
): Problem[] {
  const problems: Problem[] = [];
  for (const source of pods) {
    const allowed = allowedDestinations(source);
    if (!allowed) continue;
    const only = allowed.length > 0 ? `it may send only to ${allowed.join(", ")}` : "it may send to no pod";
    for (const target of pods) {
      if (target === source || allowed.includes(target.name)) continue;
      // On the ports it listens on: the HTTPS rules' ipBlock also matches pods, which listen on none of 443 and 6443.
      const open = target.ports.filter(({ port }) => lets(policies, source, endpointOf(target, objects), { port }));
      if (open.length > 0)
        problems.push({
          object: source.owner,
          field: "egress",
          message: `may send to ${target.owner} on port ${open.map((p) => p.port).join(", ")} (${only})`,
        });
    }
    const ports = outsidePorts(source, objects);
    const beyond = ports.length > 0 ? `only on ${ports.join(", ")}` : "never";
    const outsiders: [Endpoint, string][] = [
      [stranger(source.namespace), "other pods of its namespace"],
      [stranger("elsewhere"), "pods of other namespaces"],
      [OUTSIDE, "addresses outside the cluster"],
    ];
    for (const [who, what] of outsiders) {
      const reach = egressPortsTo(policies, source, who);
      const wider =
        reach === "any"
          ? ["any port"]
          : reach
              .filter((r) => r.protocol !== "TCP" || r.first !== r.last || !ports.includes(r.first))
              .map((r) => `${r.protocol} ${r.first === r.last ? r.first : `${r.first}-${r.last}`}`);
      if (wider.length > 0)
        problems.push({
          object: source.owner,
          field: "egress",
          message: `may send to ${what} on ${wider.join(", ")} (${beyond})`,
        });
    }
  }
  return problems;
}

function pathProblems(policies: readonly Policy[], pods: readonly ModelPod[], objects: readonly Manifest[]): Problem[] {
  const problems: Problem[] = [];
  const pod = (name: string) => pods.find((p) => p.name === name);
  const need = (from: ModelPod | undefined, to: ModelPod | undefined, port: number) => {
    if (!from || !to) return;
    const wanted: Port = { port };
    if (!admits(policies, to, endpointOf(from, objects), wanted))
      problems.push({
        object: to.owner,
        field: "ingress",
        message: `refuses ${from.owner} on port ${port}, which the hub needs`,
      });
    if (!lets(policies, from, endpointOf(to, objects), wanted))
      problems.push({
        object: from.owner,
        field: "egress",
        message: `cannot reach ${to.owner} on port ${port}, which the hub needs`,
      });
  };
  const gateway = pod(GATEWAY);
  for (const name of SUBGRAPHS) need(gateway, pod(name), pod(name)?.ports[0]?.port ?? 0);
  need(gateway, pod(REDIS), 6379);
  for (const client of GATEWAY_CLIENTS) need(pod(client), gateway, GATEWAY_PORT);
  for (const [database, clients] of Object.entries(DATABASE_CLIENTS)) {
    for (const client of clients) need(pod(client), pod(database), 5432);
    const db = pod(database);
    if (!db) continue;
    need(db, db, 5432);
    for (const port of [8000, 5432])
      if (!admits(policies, db, OPERATOR, { port }))
        problems.push({
          object: db.owner,
          field: "ingress",
          message: `refuses ${OPERATOR.description} on port ${port}`,
        });
  }
  for (const p of pods)
    if (!lets(policies, p, DNS, { port: 53, protocol: "UDP" }))
      problems.push({ object: p.owner, field: "egress", message: "cannot reach the cluster DNS (UDP 53)" });
  if (gateway && gatewayHasIssuer(objects) && !lets(policies, gateway, OUTSIDE, { port: 443 }))
    problems.push({
      object: gateway.owner,
      field: "egress",
      message: "cannot reach the identity provider (HTTPS 443)",
    });
  return problems;
}
