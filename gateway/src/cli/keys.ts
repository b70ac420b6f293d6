/**
 * `npm run keys`: creates the development key pairs (identity provider, gateway, audit, each subgraph's provenance key) and the
 * audit value secret and the operator secret of `npm run identity` in the state folder if they are missing. Production supplies its own instead.
 */
import path from "node:path";
import { ensureProvenanceKey, SUBGRAPH_NAMES } from "@hub/contracts";
import { ensureDevKey, ensureDevSecret } from "../auth/devKeys";
import { loadStateConfig } from "../config";

async function main(): Promise<void> {
  const keysDir = path.join(loadStateConfig().stateDir, "keys");
  for (const name of ["idp", "gateway", "audit"] as const) {
    const files = await ensureDevKey(keysDir, name);
    process.stdout.write(`${name}: ${files.publicJwks}\n`);
  }
  process.stdout.write(`audit-values: ${ensureDevSecret(keysDir, "audit-values")}\n`);
  process.stdout.write(`admin: ${ensureDevSecret(keysDir, "admin")}\n`);
  // Each agency's answers are signed with its own key (docs/provenance.md).
  for (const subgraph of SUBGRAPH_NAMES) {
    process.stdout.write(`provenance ${subgraph}: ${(await ensureProvenanceKey(keysDir, subgraph)).publicJwks}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
