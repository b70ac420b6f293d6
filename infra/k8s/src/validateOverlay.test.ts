import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { formatProblem, validateOverlay } from "./index";

const k8s = path.resolve(__dirname, "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "hub-k8s-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of base and overlays with `file` edited; returns the copied overlay's folder. */
function brokenCopy(overlay: string, file: string, edit: (text: string) => string): string {
  const root = mkdtempSync(path.join(scratch, "copy-"));
  cpSync(path.join(k8s, "base"), path.join(root, "base"), { recursive: true });
  cpSync(path.join(k8s, "overlays"), path.join(root, "overlays"), { recursive: true });
  const target = path.join(root, file);
  const before = readFileSync(target, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(target, after);
  return path.join(root, "overlays", overlay);
}

const problemsOf = (dir: string) => validateOverlay(dir).problems.map(formatProblem);

const openToEveryPod = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: border-police-db-debug
spec:
  podSelector:
    matchLabels:
      cnpg.io/cluster: border-police-db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: {}
`;

const openToAddresses = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: audit-db-reports
spec:
  podSelector:
    matchLabels:
      cnpg.io/cluster: audit-db
  policyTypes: [Ingress]
  ingress:
    - from:
        - ipBlock:
            cidr: 10.0.0.0/8
      ports:
        - port: 5432
`;

describe("the overlays", () => {
  it.each(["demo", "production"])("%s renders and validates", (overlay) => {
    const { objects, problems } = validateOverlay(path.join(k8s, "overlays", overlay));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(objects.filter((m) => m.kind === "Deployment").map((m) => m.metadata?.name)).toEqual(
      expect.arrayContaining(["gateway", "border-police", "migration-service", "statistics-office", "audit", "redis"]),
    );
  });
});

describe("a broken copy is refused, naming object and field", () => {
  it.each([
    [
      "a misspelt field",
      "demo",
      "base/gateway.yaml",
      (t: string) => t.replace("readinessProbe:", "readinesProbe:"),
      "Deployment/gateway: spec.template.spec.containers[0].readinesProbe: unknown field (not in the Kubernetes schema)",
    ],
    [
      "a value of the wrong type",
      "demo",
      "base/redis.yaml",
      (t: string) => t.replace("replicas: 1", "replicas: one"),
      "Deployment/redis: spec.replicas: must be integer",
    ],
    [
      "a misspelt CloudNativePG field",
      "production",
      "base/databases.yaml",
      (t: string) => t.replace("enableSuperuserAccess", "enableSuperUserAccess"),
      "Cluster/border-police-db: spec.enableSuperUserAccess: unknown field (not in our CloudNativePG schema)",
    ],
    [
      "a wrong readiness path",
      "demo",
      "base/border-police.yaml",
      (t: string) => t.replace("path: /readyz", "path: /ready"),
      "Deployment/border-police: spec.template.spec.containers[0].readinessProbe.httpGet.path: must be /readyz, not /ready",
    ],
    [
      "a liveness probe on another port",
      "demo",
      "base/audit.yaml",
      (t: string) => t.replace(/(livenessProbe:\n\s+httpGet:\n\s+path: \/healthz\n\s+port: )http/, "$14000"),
      "Deployment/audit: spec.template.spec.containers[0].livenessProbe.httpGet.port: must be the container's port 4004, not 4000",
    ],
    [
      "a root user",
      "production",
      "base/gateway.yaml",
      (t: string) => t.replace("runAsUser: 1000", "runAsUser: 0"),
      "Deployment/gateway: spec.template.spec.containers[0].securityContext.runAsUser: must not be 0 (root)",
    ],
    [
      "a writable root filesystem",
      "demo",
      "base/redis.yaml",
      (t: string) => t.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"),
      "Deployment/redis: spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem: must be true (read-only root filesystem)",
    ],
    [
      "no resource requests",
      "demo",
      "base/statistics-office.yaml",
      (t: string) => t.replace(/requests:\n\s+cpu: 100m\n\s+memory: 192Mi/, "requests:\n              cpu: 100m"),
      "Deployment/statistics-office: spec.template.spec.containers[0].resources.requests.memory: must be requested",
    ],
    [
      "a NetworkPolicy letting every pod reach a database",
      "demo",
      "base/network-policies.yaml",
      (t: string) => t + openToEveryPod,
      "Cluster/border-police-db: ingress: admits Deployment/gateway (only border-police, border-police-db may reach it)",
    ],
    [
      "a NetworkPolicy letting addresses reach the audit database",
      "production",
      "base/network-policies.yaml",
      (t: string) => t + openToAddresses,
      "Cluster/audit-db: ingress: admits addresses outside the cluster (only gateway, audit, audit-db may reach it)",
    ],
    [
      "a NetworkPolicy whose selector matches nothing",
      "demo",
      "base/network-policies.yaml",
      (t: string) =>
        t.replace(
          /(name: redis\n[\s\S]*?podSelector:\n\s+matchLabels:\n\s+app.kubernetes.io\/name: )redis/,
          "$1rediss",
        ),
      "NetworkPolicy/redis: spec.podSelector: selects no pod of the overlay (a policy that selects nothing protects nothing)",
    ],
    [
      "a subgraph its database refuses",
      "demo",
      "base/network-policies.yaml",
      (t: string) =>
        t.replace(
          /(name: migration-service-db\n[\s\S]*?ingress:\n\s+- from:\n\s+- podSelector:\n\s+matchLabels:\n\s+app.kubernetes.io\/name: )migration-service/,
          "$1statistics-office",
        ),
      "Cluster/migration-service-db: ingress: admits Deployment/statistics-office (only migration-service, migration-service-db may reach it)",
    ],
    [
      "a missing secret",
      "production",
      "base/gateway.yaml",
      (t: string) => t.replace("secretName: gateway-keys", "secretName: gateway-key"),
      "Deployment/gateway: spec.template.spec.volumes[0].secret.secretName: Secret gateway-key is neither rendered by the overlay nor created by the operator (README.md)",
    ],
    [
      "a key file outside every mounted volume",
      "demo",
      "base/gateway.yaml",
      (t: string) =>
        t.replace("value: /etc/hub/keys/gateway.private.jwk.json", "value: /etc/hub/gateway.private.jwk.json"),
      "HUB_CONTEXT_KEY: /etc/hub/gateway.private.jwk.json is not inside a volume mounted in the container",
    ],
    [
      "a key file the Secret does not hold",
      "demo",
      "base/migration-service.yaml",
      (t: string) => t.replace("value: /etc/hub/keys/gateway.jwks.json", "value: /etc/hub/keys/gateway.jwk.json"),
      "HUB_CONTEXT_JWKS: /etc/hub/keys/gateway.jwk.json: volume keys has no file gateway.jwk.json",
    ],
    [
      "a Service port no container listens on",
      "demo",
      "base/gateway.yaml",
      (t: string) => t.replace("targetPort: http", "targetPort: 4001"),
      "Service/gateway: spec.ports[0].targetPort: 4001 is not a containerPort of Deployment/gateway",
    ],
    [
      "a command that is not in the built repository",
      "demo",
      "base/audit.yaml",
      (t: string) => t.replace("subgraphs/audit/dist/main.js", "subgraphs/audit/dist/mian.js"),
      "Deployment/audit: spec.template.spec.containers[0].command[1]: subgraphs/audit/dist/mian.js does not exist in the built repository (npm run build)",
    ],
  ])("%s", (_what, overlay, file, edit, expected) => {
    const problems = problemsOf(brokenCopy(overlay, file, edit));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});

describe("npm run k8s:validate", () => {
  const cli = path.join(k8s, "dist", "main.js");

  it("prints one line per overlay and exits 0 when all are valid", () => {
    const run = spawnSync(process.execPath, [cli], { encoding: "utf8" });
    expect(run.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^demo: \d+ objects valid$/),
      expect.stringMatching(/^production: \d+ objects valid$/),
    ]);
    expect(run.status).toBe(0);
  });

  it("names every problem and exits 1", () => {
    const dir = brokenCopy("demo", "base/gateway.yaml", (t) =>
      t
        .replace("path: /readyz?exclude=subgraphs", "path: /readyz")
        .replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"),
    );
    const run = spawnSync(process.execPath, [cli, dir], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "demo: Deployment/gateway: spec.template.spec.containers[0].readinessProbe.httpGet.path: must be /readyz?exclude=subgraphs, not /readyz",
    );
    expect(run.stderr).toContain(
      "demo: Deployment/gateway: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: must be false",
    );
  });
});
