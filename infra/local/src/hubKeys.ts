/** The development keys every local hub needs, created in one folder unless they exist. */
import { ensureProvenanceKey, SUBGRAPH_NAMES, type ProvenanceKeyFiles } from "@hub/contracts";
import { ensureDevKey, ensureDevSecret, type KeyFiles } from "@hub/gateway";

export interface HubKeys {
  /** The demo identity provider's (persona tokens). */
  idp: KeyFiles;
  /** The gateway's (hub-context tokens). */
  gateway: KeyFiles;
  /** The audit log's (checkpoints and the signed chain head). */
  audit: KeyFiles;
  /** The file of the secret that hashes personal values in audit events (never the signing key). */
  auditValues: string;
  /** The file of the operator secret of `npm run identity` (the gateway's /admin commands). */
  admin: string;
  /** Each subgraph's provenance key (its answers' signatures), by subgraph name. */
  provenance: Record<string, ProvenanceKeyFiles>;
}

export async function ensureHubKeys(keysDir: string): Promise<HubKeys> {
  return {
    idp: await ensureDevKey(keysDir, "idp"),
    gateway: await ensureDevKey(keysDir, "gateway"),
    audit: await ensureDevKey(keysDir, "audit"),
    auditValues: ensureDevSecret(keysDir, "audit-values"),
    admin: ensureDevSecret(keysDir, "admin"),
    provenance: Object.fromEntries(
      await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await ensureProvenanceKey(keysDir, name)] as const)),
    ),
  };
}
