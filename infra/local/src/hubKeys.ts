/** The development keys every local hub needs, created in one folder unless they exist. */
import { ensureDevKey, type KeyFiles } from "@hub/gateway";

export interface HubKeys {
  /** The demo identity provider's (persona tokens). */
  idp: KeyFiles;
  /** The gateway's (hub-context tokens). */
  gateway: KeyFiles;
  /** The audit log's (checkpoints). */
  audit: KeyFiles;
}

export async function ensureHubKeys(keysDir: string): Promise<HubKeys> {
  return {
    idp: await ensureDevKey(keysDir, "idp"),
    gateway: await ensureDevKey(keysDir, "gateway"),
    audit: await ensureDevKey(keysDir, "audit"),
  };
}
