/**
 * Lays a snapshot out as files, in a folder of its own that is removed afterwards, so that a
 * recorded version is rebuilt by the very loaders that built it (loadPolicySet and the agreement
 * and regime readers) rather than by a second reader that could drift from them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PolicyPaths } from "../policySet";
import type { PolicySnapshot } from "./PolicySnapshot";

/** Runs `work` on the snapshot's files; messages naming the temporary folder name the snapshot instead. */
export function withSnapshotFiles<T>(snapshot: PolicySnapshot, work: (paths: PolicyPaths) => T): T {
  const root = mkdtempSync(path.join(os.tmpdir(), "hub-policy-snapshot-"));
  try {
    const paths: PolicyPaths = {
      policiesDir: path.join(root, "policies"),
      agreementsDir: path.join(root, "agreements"),
      regimesFile: path.join(root, "regimes.yaml"),
    };
    const rulesDir = path.join(paths.policiesDir, "rules");
    mkdirSync(rulesDir, { recursive: true });
    mkdirSync(paths.agreementsDir);
    // File names are plain names (PolicySnapshot's schema), so each lands in its own folder.
    writeFileSync(path.join(paths.policiesDir, "hub.cedarschema"), snapshot.schema);
    for (const { file, text } of snapshot.rules) writeFileSync(path.join(rulesDir, file), text);
    for (const { file, text } of snapshot.agreements) writeFileSync(path.join(paths.agreementsDir, file), text);
    writeFileSync(paths.regimesFile, snapshot.regimes);
    try {
      return work(paths);
    } catch (error) {
      if (error instanceof Error) error.message = error.message.split(`${root}${path.sep}`).join("snapshot:");
      throw error;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
