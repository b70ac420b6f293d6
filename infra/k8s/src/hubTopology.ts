/** The hub's fixed names (docs and other tools rely on them) and who may talk to whom. */
export const NAMESPACE = "migration-hub";
export const GATEWAY = "gateway";
export const REDIS = "redis";
export const SUBGRAPHS = ["border-police", "migration-service", "statistics-office", "audit"] as const;

/** Each CloudNativePG cluster and the Deployments that may connect to it. */
export const DATABASE_CLIENTS: Readonly<Record<string, readonly string[]>> = {
  "border-police-db": ["border-police"],
  "migration-service-db": ["migration-service"],
  "statistics-office-db": ["statistics-office"],
  "audit-db": [GATEWAY, "audit"],
};

/** The CloudNativePG operator's namespace and the label of its pod. */
export const OPERATOR_NAMESPACE = "cnpg-system";
export const OPERATOR_LABELS = { "app.kubernetes.io/name": "cloudnative-pg" };
