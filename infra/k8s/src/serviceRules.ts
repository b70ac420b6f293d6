/**
 * Objects that point at pods: each Service is a ClusterIP one and selects a pod template and its targetPorts are ports of
 * that template's containers; each PodDisruptionBudget selects a pod; the autoscaler scales a
 * rendered Deployment.
 */
import { at, is, isRecord, nameOf, namespaceOf, objectName, records, type Manifest, type Problem } from "./manifest";
import { fieldOfPath } from "./kubernetesKinds";
import { isDeployment, modelPods, selects } from "./podModel";

export function checkServices(objects: readonly Manifest[]): Problem[] {
  const problems: Problem[] = [];
  const pods = modelPods(objects);
  const report = (m: Manifest, field: (string | number)[], message: string) =>
    problems.push({ object: objectName(m), field: fieldOfPath(field), message });
  for (const m of objects) {
    if (is(m, "v1", "Service")) {
      // Reachable inside the cluster only: clients come through the ingress controller (production)
      // or kubectl port-forward (demo), never a node port, a cloud load balancer or an external IP.
      const type = at(m, "spec", "type") ?? "ClusterIP";
      if (type !== "ClusterIP")
        report(m, ["spec", "type"], `must be ClusterIP, not ${String(type)} (the ingress controller exposes the hub)`);
      const externalIPs = at(m, "spec", "externalIPs");
      if (Array.isArray(externalIPs) && externalIPs.length > 0) report(m, ["spec", "externalIPs"], "must not be set");
      const selector = at(m, "spec", "selector");
      const matched = isRecord(selector)
        ? pods.filter(
            (p) =>
              p.kind === "deployment" && p.namespace === namespaceOf(m) && selects({ matchLabels: selector }, p.labels),
          )
        : [];
      if (matched.length === 0) {
        report(m, ["spec", "selector"], "selects no pod template of the overlay");
        continue;
      }
      records(at(m, "spec", "ports")).forEach((port, i) => {
        const target = port.targetPort ?? port.port;
        for (const pod of matched)
          if (!pod.ports.some((p) => (typeof target === "number" ? p.port === target : p.name === target)))
            report(m, ["spec", "ports", i, "targetPort"], `${String(target)} is not a containerPort of ${pod.owner}`);
      });
    }
    if (is(m, "policy/v1", "PodDisruptionBudget")) {
      const selector = at(m, "spec", "selector");
      if (!pods.some((p) => p.namespace === namespaceOf(m) && selects(selector, p.labels)))
        report(m, ["spec", "selector"], "selects no pod of the overlay");
    }
    if (is(m, "autoscaling/v2", "HorizontalPodAutoscaler")) {
      const ref = at(m, "spec", "scaleTargetRef");
      const found = objects.some(
        (d) =>
          isDeployment(d) &&
          at(ref, "kind") === "Deployment" &&
          nameOf(d) === at(ref, "name") &&
          namespaceOf(d) === namespaceOf(m),
      );
      if (!found)
        report(m, ["spec", "scaleTargetRef"], `names no Deployment of the overlay (${String(at(ref, "name"))})`);
    }
  }
  return problems;
}
