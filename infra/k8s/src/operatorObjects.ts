/**
 * Objects no overlay renders because they hold secrets: the operator creates them from files
 * (README.md, "Secrets"), and CloudNativePG generates `<cluster>-app` for each Cluster. A reference
 * to any other absent Secret or ConfigMap is an error, and so is a key not listed here.
 */
import { SUBGRAPHS } from "./hubTopology";

export const OPERATOR_SECRETS: Readonly<Record<string, readonly string[]>> = {
  "gateway-keys": [
    "gateway.private.jwk.json",
    "audit.private.jwk.json",
    "audit.jwks.json",
    "audit-values.key",
    "admin.key",
    // Demo overlay only: the development identity provider's key pair.
    "idp.private.jwk.json",
    "idp.jwks.json",
  ],
  "hub-context-jwks": ["gateway.jwks.json"],
  ...Object.fromEntries(
    SUBGRAPHS.map((name) => [
      `provenance-${name}`,
      [`provenance-${name}.private.jwk.json`, `provenance-${name}.jwks.json`],
    ]),
  ),
  // The Statistics Office's service client token for the profile pull (mounted optional).
  "statistics-service-token": ["statistics-service.token"],
  // Production overlay: the object store credentials of the audit log's backups.
  "audit-db-backup-credentials": ["ACCESS_KEY_ID", "ACCESS_SECRET_KEY"],
};

/** The keys of the Secret CloudNativePG generates for a Cluster's application user. */
export const CNPG_APP_SECRET_KEYS = ["username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"];

/** Variables whose value is the path of a file a process reads (docs/configuration.md). */
export const FILE_VARIABLES = new Set([
  "HUB_ADMIN_KEY",
  "HUB_CONTEXT_KEY",
  "HUB_CONTEXT_JWKS",
  "HUB_JWKS",
  "HUB_IDENTITY_PROVIDERS",
  "AUDIT_KEY",
  "AUDIT_JWKS",
  "AUDIT_VALUE_KEY",
  "SUBGRAPH_SIGNING_KEY",
  "SUBGRAPH_PUBLIC_KEYS",
  "STATISTICS_SERVICE_TOKEN_FILE",
]);
