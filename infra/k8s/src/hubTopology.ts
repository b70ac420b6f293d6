/** The hub's fixed names (docs and other tools rely on them) and who may talk to whom. */
export const NAMESPACE = "migration-hub";
export const GATEWAY = "gateway";
export const REDIS = "redis";
export const SUBGRAPHS = ["border-police", "migration-service", "statistics-office", "audit"] as const;

/**
 * The hub's own pods the gateway admits on its client port: the Statistics Office's profile pull
 * (docs/statistics.md), which asks for the source agencies' tables like any client. Every other
 * client of the gateway is outside the namespace (production: the ingress controller).
 */
export const GATEWAY_CLIENTS: readonly string[] = ["statistics-office"];
export const GATEWAY_PORT = 4000;

/** Each CloudNativePG cluster and the Deployments that may connect to it. */
export const DATABASE_CLIENTS: Readonly<Record<string, readonly string[]>> = {
  "border-police-db": ["border-police"],
  "migration-service-db": ["migration-service"],
  "statistics-office-db": ["statistics-office"],
  "audit-db": [GATEWAY, "audit"],
};

/**
 * Where each pod may send to outside the overlay's pods, by port: the gateway to its identity
 * provider (HTTPS; only where HUB_ISSUER names one), a database instance to the Kubernetes API and
 * the object store. Nobody else
 * reaches an address outside the cluster or a pod of another namespace (DNS excepted).
 */
export const OUTSIDE_PORTS = { gateway: [443], database: [443, 6443] } as const;

/** The CloudNativePG operator's namespace and the label of its pod. */
export const OPERATOR_NAMESPACE = "cnpg-system";
export const OPERATOR_LABELS = { "app.kubernetes.io/name": "cloudnative-pg" };
