/**
 * Rules for every pod template: non-root, read-only root filesystem, no privilege escalation, all
 * capabilities dropped, RuntimeDefault seccomp, no service account token, resources requested; for
 * the hub's own containers also readiness on /readyz (the gateway's without its subgraphs) and liveness on /healthz at the container's
 * port, and a command whose script exists in the built repository.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { at, isRecord, objectName, records, type Manifest, type Problem } from "./manifest";
import { fieldOfPath } from "./kubernetesKinds";
import { isDeployment } from "./podModel";

/** The hub's image (infra/docker/Dockerfile); an overlay may prefix a registry and set a tag. */
export const HUB_IMAGE = "migration-hub";

export function isHubImage(image: unknown): boolean {
  if (typeof image !== "string") return false;
  const last = image.split("/").pop() ?? "";
  return last.split(/[:@]/)[0] === HUB_IMAGE;
}

export function checkWorkloads(objects: readonly Manifest[], repoRoot: string): Problem[] {
  return objects.filter(isDeployment).flatMap((m) => checkPodTemplate(m, repoRoot));
}

function checkPodTemplate(m: Manifest, repoRoot: string): Problem[] {
  const problems: Problem[] = [];
  const base = ["spec", "template", "spec"];
  const pod = at(m, ...base);
  const report = (field: (string | number)[], message: string) =>
    problems.push({ object: objectName(m), field: fieldOfPath([...base, ...field]), message });
  if (at(pod, "automountServiceAccountToken") !== false)
    report(["automountServiceAccountToken"], "must be false (no process of the hub calls the Kubernetes API)");
  if (at(pod, "hostNetwork") === true || at(pod, "hostPID") === true || at(pod, "hostIPC") === true)
    report(["hostNetwork"], "host namespaces are not allowed");
  records(at(pod, "volumes")).forEach((v, i) => {
    if (v.hostPath !== undefined) report(["volumes", i, "hostPath"], "host paths are not allowed");
  });
  const podSecurity = at(pod, "securityContext");
  const containers = [
    ...records(at(pod, "initContainers")).map((c, i) => ({ c, field: ["initContainers", i] as (string | number)[] })),
    ...records(at(pod, "containers")).map((c, i) => ({ c, field: ["containers", i] as (string | number)[] })),
  ];
  for (const { c, field } of containers) {
    const own = at(c, "securityContext");
    const setting = (key: string) => at(own, key) ?? at(podSecurity, key);
    const sc = (key: string) => [...field, "securityContext", key];
    if (setting("runAsNonRoot") !== true) report(sc("runAsNonRoot"), "must be true (every container runs as non-root)");
    if (setting("runAsUser") === 0) report(sc("runAsUser"), "must not be 0 (root)");
    if (setting("runAsGroup") === 0) report(sc("runAsGroup"), "must not be 0 (root's group)");
    if (at(own, "readOnlyRootFilesystem") !== true)
      report(sc("readOnlyRootFilesystem"), "must be true (read-only root filesystem)");
    if (at(own, "allowPrivilegeEscalation") !== false) report(sc("allowPrivilegeEscalation"), "must be false");
    if (at(own, "privileged") === true) report(sc("privileged"), "must not be true");
    const drop = at(own, "capabilities", "drop");
    if (!Array.isArray(drop) || !drop.includes("ALL"))
      report([...sc("capabilities"), "drop"], "must drop ALL capabilities");
    const add = at(own, "capabilities", "add");
    if (Array.isArray(add) && add.length > 0) report([...sc("capabilities"), "add"], "must add no capability");
    if (
      at(own, "seccompProfile", "type") !== undefined
        ? at(own, "seccompProfile", "type") !== "RuntimeDefault"
        : at(podSecurity, "seccompProfile", "type") !== "RuntimeDefault"
    )
      report(sc("seccompProfile"), "must be RuntimeDefault");
    records(c.ports).forEach((p, i) => {
      if (p.hostPort !== undefined) report([...field, "ports", i, "hostPort"], "host ports are not allowed");
    });
    // A rendered image names its version: a tag other than latest, or a digest.
    const image = typeof c.image === "string" ? c.image : "";
    const tag = /@sha256:[0-9a-f]{64}$/.test(image) ? "digest" : /:([^:/]+)$/.exec(image)?.[1];
    if (tag === undefined || tag === "latest")
      report([...field, "image"], `must carry a version tag or a digest, not ${image || "nothing"}`);
    else if (at(c, "imagePullPolicy") === "Never") report([...field, "imagePullPolicy"], "must not be Never");
    for (const resource of ["cpu", "memory"])
      if (at(c, "resources", "requests", resource) === undefined)
        report([...field, "resources", "requests", resource], "must be requested");
    if (at(c, "resources", "limits", "memory") === undefined)
      report([...field, "resources", "limits", "memory"], "must be limited");
    if (field[0] === "containers") problems.push(...checkProbes(m, c, [...base, ...field], repoRoot));
  }
  return problems;
}

function checkProbes(m: Manifest, c: Record<string, unknown>, field: (string | number)[], repoRoot: string): Problem[] {
  const problems: Problem[] = [];
  const report = (sub: (string | number)[], message: string) =>
    problems.push({ object: objectName(m), field: fieldOfPath([...field, ...sub]), message });
  if (!isHubImage(c.image)) {
    for (const probe of ["readinessProbe", "livenessProbe"]) if (!isRecord(c[probe])) report([probe], "must be set");
    return problems;
  }
  const ports = records(c.ports);
  const portEnv = records(c.env).find((e) => e.name === "PORT")?.value;
  const listening = typeof portEnv === "string" ? Number(portEnv) : undefined;
  if (listening === undefined || !ports.some((p) => p.containerPort === listening))
    report(["env"], `PORT (${String(portEnv)}) must be set to a containerPort of the container`);
  const resolve = (port: unknown) =>
    typeof port === "number" ? port : ports.find((p) => p.name === port)?.containerPort;
  // The gateway's readiness leaves the subgraphs out: one agency down must not take every gateway
  // out of its Service while the others' data is still served (docs/decisions/0006).
  const isGateway = Array.isArray(c.command) && c.command[1] === "gateway/dist/main.js";
  for (const [probe, wanted] of [
    ["readinessProbe", isGateway ? "/readyz?exclude=subgraphs" : "/readyz"],
    ["livenessProbe", "/healthz"],
  ] as const) {
    const get = at(c, probe, "httpGet");
    if (!isRecord(get)) {
      report([probe, "httpGet"], `must be an HTTP GET of ${wanted}`);
      continue;
    }
    if (get.path !== wanted) report([probe, "httpGet", "path"], `must be ${wanted}, not ${String(get.path)}`);
    const port = resolve(get.port);
    if (port === undefined || port !== listening)
      report([probe, "httpGet", "port"], `must be the container's port ${String(listening)}, not ${String(get.port)}`);
  }
  const command = c.command;
  if (!Array.isArray(command) || command[0] !== "node" || typeof command[1] !== "string")
    report(["command"], "must be [node, <script of the built repository>, ...]");
  else {
    const script = path.resolve(repoRoot, command[1]);
    if (!script.startsWith(repoRoot + path.sep) || !existsSync(script))
      report(["command", 1], `${command[1]} does not exist in the built repository (npm run build)`);
  }
  return problems;
}
