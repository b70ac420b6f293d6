/**
 * What the audit subgraph reads beyond the kit's configuration: the public keys that checkpoints
 * are verified with (`AUDIT_JWKS`) and the agreements that subject access reports cite.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseEnv } from "@hub/contracts";
import { loadSubgraphConfig, processEnvironment, type SubgraphDefaults } from "@hub/kit";
import type { PublicJwks } from "./verifyAuditChain";

export interface AuditConfig {
  /** Public JWKS of the hub's audit key (checkpoint signatures). */
  auditJwksPath: string;
  /** The data-sharing agreements, for the legal basis of each disclosure (R9-1). */
  agreementsDir: string;
}

export function loadAuditConfig(
  defaults: SubgraphDefaults,
  env: NodeJS.ProcessEnv = processEnvironment(),
): AuditConfig {
  const config = loadSubgraphConfig(defaults, env);
  const c = parseEnv(
    z.object({ HUB_STATE_DIR: z.string().min(1).default(".hub"), AUDIT_JWKS: z.string().min(1).optional() }),
    env,
  );
  const jwks = c.AUDIT_JWKS ?? path.join(path.resolve(c.HUB_STATE_DIR), "keys", "audit.jwks.json");
  return { auditJwksPath: path.resolve(jwks), agreementsDir: config.policyPaths.agreementsDir };
}

/** Reads the audit key's public set; names the variable and file when it cannot. */
export function loadAuditJwks(file: string): PublicJwks {
  let jwks: PublicJwks;
  try {
    jwks = JSON.parse(readFileSync(file, "utf8")) as PublicJwks;
  } catch {
    throw new Error(`Cannot read the audit key's public keys (AUDIT_JWKS) at ${file}`);
  }
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) {
    throw new Error(`No keys in the audit key's public key set (AUDIT_JWKS) at ${file}`);
  }
  return jwks;
}
