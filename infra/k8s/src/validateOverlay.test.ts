import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { formatProblem, validateOverlay } from "./index";

const k8s = path.resolve(__dirname, "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "hub-k8s-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of base, overlays and components with `file` edited; returns the copied overlay's folder. */
function brokenCopy(overlay: string, file: string, edit: (text: string) => string): string {
  const root = mkdtempSync(path.join(scratch, "copy-"));
  for (const folder of ["base", "overlays", "components"])
    cpSync(path.join(k8s, folder), path.join(root, folder), { recursive: true });
  const target = path.join(root, file);
  const before = readFileSync(target, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(target, after);
  return path.join(root, "overlays", overlay);
}

const problemsOf = (dir: string) => validateOverlay(dir).problems.map(formatProblem);
/** The copied overlay with the copy's restore component added. */
const restoredProblemsOf = (dir: string) =>
  validateOverlay(dir, undefined, [path.resolve(dir, "..", "..", "components", "audit-db-restore")]).problems.map(
    formatProblem,
  );

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

const borderPoliceToGateway = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: gateway-border-police
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: gateway
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: border-police
      ports:
        - port: 4000
`;

/** The policy of `name` in network-policies.yaml, edited by `edit` (the other policies unchanged). */
const inPolicy = (name: string, edit: (policy: string) => string) => (text: string) =>
  text
    .split(/^---$/m)
    .map((doc) => (new RegExp(`^metadata:\\n  name: ${name}$`, "m").test(doc) ? edit(doc) : doc))
    .join("---");

const egressTo = (peer: string, port: string) =>
  `    - to:\n        - ${peer}\n${port === "" ? "" : `      ports:\n        - port: ${port}\n`}`;

describe("the overlays", () => {
  it.each(["demo", "production"])("%s renders and validates", (overlay) => {
    const { objects, problems } = validateOverlay(path.join(k8s, "overlays", overlay));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(objects.filter((m) => m.kind === "Deployment").map((m) => m.metadata?.name)).toEqual(
      expect.arrayContaining(["gateway", "border-police", "migration-service", "statistics-office", "audit", "redis"]),
    );
  });
});

describe("the production overlay with the audit log's restore component", () => {
  it("renders and validates, the audit database recovered from its backups", () => {
    const { objects, problems } = validateOverlay(path.join(k8s, "overlays", "production"), undefined, [
      "audit-db-restore",
    ]);
    expect(problems.map(formatProblem)).toEqual([]);
    const cluster = objects.find((m) => m.kind === "Cluster" && m.metadata?.name === "audit-db");
    expect(cluster?.spec).toMatchObject({
      bootstrap: { recovery: { source: "audit-db-backup" } },
      externalClusters: [{ name: "audit-db-backup", plugin: { parameters: { serverName: "audit-db" } } }],
      plugins: [{ isWALArchiver: true, parameters: { serverName: "audit-db-2" } }],
    });
    expect(cluster?.spec).not.toHaveProperty("bootstrap.initdb");
  });

  const component = "components/audit-db-restore/audit-db-restore.yaml";
  it.each([
    [
      "a recovery source that is no external cluster",
      (t: string) => t.replace("source: audit-db-backup", "source: audit-db-backups"),
      "Cluster/audit-db: spec.bootstrap.recovery.source: audit-db-backups is not one of spec.externalClusters",
    ],
    [
      "archiving into the server it restores from",
      (t: string) => t.replace("serverName: audit-db-2", "serverName: audit-db"),
      "Cluster/audit-db: spec.plugins[0].parameters.serverName: archives into audit-db-backup/audit-db, the server it restores from: name a new server",
    ],
    [
      "a misspelt recovery target",
      (t: string) =>
        t.replace(
          '# recoveryTarget:\n      #   targetTime: "2026-12-01T14:00:00Z"',
          'recoveryTarget:\n        targetTme: "2026-12-01T14:00:00Z"',
        ),
      "Cluster/audit-db: spec.bootstrap.recovery.recoveryTarget.targetTme: unknown field (not in our CloudNativePG schema)",
    ],
    [
      "two recovery targets",
      (t: string) =>
        t.replace(
          '# recoveryTarget:\n      #   targetTime: "2026-12-01T14:00:00Z"',
          'recoveryTarget:\n        targetTime: "2026-12-01T14:00:00Z"\n        targetImmediate: true',
        ),
      "Cluster/audit-db: spec.bootstrap.recovery.recoveryTarget: must NOT be valid",
    ],
    [
      "the initdb bootstrap left beside the recovery",
      (t: string) => t.replace("    initdb: null\n", ""),
      "Cluster/audit-db: spec.bootstrap: must match exactly one schema in oneOf",
    ],
  ])("%s is refused", (_what, edit, expected) => {
    const problems = restoredProblemsOf(brokenCopy("production", component, edit));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
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
      "a NetworkPolicy letting border-police reach the gateway",
      "production",
      "base/network-policies.yaml",
      (t: string) => t + borderPoliceToGateway,
      "Deployment/gateway: ingress: admits Deployment/border-police (only statistics-office may reach it)",
    ],
    [
      "a subgraph sending to the gateway",
      "demo",
      "base/network-policies.yaml",
      inPolicy(
        "border-police",
        (p) => p + egressTo("podSelector: { matchLabels: { app.kubernetes.io/name: gateway } }", "4000"),
      ),
      "Deployment/border-police: egress: may send to Deployment/gateway on port 4000 (it may send only to border-police-db)",
    ],
    [
      "a subgraph sending to another agency's database",
      "demo",
      "base/network-policies.yaml",
      inPolicy(
        "migration-service",
        (p) => p + egressTo("podSelector: { matchLabels: { cnpg.io/cluster: border-police-db } }", "5432"),
      ),
      "Deployment/migration-service: egress: may send to Cluster/border-police-db on port 5432 (it may send only to migration-service-db)",
    ],
    [
      "a subgraph sending to the internet",
      "production",
      "base/network-policies.yaml",
      inPolicy("audit", (p) => p + egressTo("ipBlock: { cidr: 0.0.0.0/0 }", "")),
      "Deployment/audit: egress: may send to addresses outside the cluster on any port (never)",
    ],
    [
      "the gateway sending outside on another port than HTTPS",
      "production",
      "base/network-policies.yaml",
      inPolicy("gateway", (p) => p + egressTo("ipBlock: { cidr: 0.0.0.0/0 }", "80")),
      "Deployment/gateway: egress: may send to addresses outside the cluster on TCP 80 (only on 443)",
    ],
    [
      "the demo gateway sending outside, though its issuer needs nothing there",
      "demo",
      "overlays/demo/kustomization.yaml",
      (t: string) => t.replace(/\n\s+- op: remove\n\s+path: \/spec\/egress\/6/, ""),
      "Deployment/gateway: egress: may send to addresses outside the cluster on TCP 443 (never)",
    ],
    [
      "the production gateway cut off from its identity provider",
      "production",
      "base/network-policies.yaml",
      inPolicy("gateway", (p) =>
        p.replace(
          /\n\s+# The identity provider[^\n]*\n\s+- to:\n\s+- ipBlock:\n\s+cidr: 0\.0\.0\.0\/0\n\s+ports:\n\s+- port: 443\n\s+protocol: TCP/,
          "",
        ),
      ),
      "Deployment/gateway: egress: cannot reach the identity provider (HTTPS 443)",
    ],
    [
      "Redis sending to pods of other namespaces",
      "demo",
      "base/network-policies.yaml",
      inPolicy(
        "redis",
        (p) =>
          p.replace("policyTypes: [Ingress]", "policyTypes: [Ingress, Egress]") +
          "  egress:\n" +
          egressTo("namespaceSelector: {}", ""),
      ),
      "Deployment/redis: egress: may send to pods of other namespaces on any port (never)",
    ],
    [
      "the profile pull admitted on the gateway's metrics port",
      "production",
      "base/network-policies.yaml",
      inPolicy("gateway-from-statistics-office", (p) =>
        p.replace(/\n\s+ports:\n\s+- port: 4000\n\s+protocol: TCP/, ""),
      ),
      "Deployment/gateway: ingress: admits Deployment/statistics-office on port 9464 (only on 4000)",
    ],
    [
      "the profile pull's way to the gateway closed",
      "demo",
      "base/network-policies.yaml",
      inPolicy("statistics-office", (p) =>
        p.replace(
          /\n {4}- to:\n\s+- podSelector:\n\s+matchLabels:\n\s+app.kubernetes.io\/name: gateway\n\s+ports:\n\s+- port: 4000\n\s+protocol: TCP/,
          "",
        ),
      ),
      "Deployment/statistics-office: egress: cannot reach Deployment/gateway on port 4000, which the hub needs",
    ],
    [
      "a gateway Service on a node port",
      "demo",
      "base/gateway.yaml",
      (t: string) => t.replace("type: ClusterIP", "type: NodePort"),
      "Service/gateway: spec.type: must be ClusterIP, not NodePort (the ingress controller exposes the hub)",
    ],
    [
      "a host path volume",
      "demo",
      "base/redis.yaml",
      (t: string) => t.replace(/emptyDir:\n(\s+)sizeLimit: 16Mi/, "hostPath:\n$1path: /var/lib/redis"),
      "Deployment/redis: spec.template.spec.volumes[0].hostPath: host paths are not allowed",
    ],
    [
      "an image without a version",
      "production",
      "base/redis.yaml",
      (t: string) => t.replace("redis:7.4.2-alpine", "redis:latest"),
      "Deployment/redis: spec.template.spec.containers[0].image: must carry a version tag or a digest, not redis:latest",
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
      expect.stringMatching(/^production \+ audit-db-restore: \d+ objects valid$/),
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
