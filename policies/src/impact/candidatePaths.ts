/**
 * Where a candidate policy set is: a folder laid out like the repository, holding only what it
 * changes. `policies/` (hub.cedarschema and rules/*.cedar, both), `contracts/agreements/` and
 * `contracts/regimes.yaml` are each taken from the candidate when it has them, otherwise from the
 * repository, so that a candidate of changed agreements is just that folder.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { defaultPolicyPaths, type PolicyPaths } from "../policySet";

export class CandidateError extends Error {}

export interface CandidatePaths {
  paths: PolicyPaths;
  /** The parts the candidate brings (the others are the repository's). */
  replaces: ("policies" | "agreements" | "regimes")[];
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

export function candidatePaths(candidateDir: string, repoRoot: string): CandidatePaths {
  if (!isDir(candidateDir)) throw new CandidateError(`--candidate ${candidateDir} is not a folder`);
  const repository = defaultPolicyPaths(repoRoot);
  const own = defaultPolicyPaths(candidateDir);
  const replaces: CandidatePaths["replaces"] = [];
  let policiesDir = repository.policiesDir;
  if (isDir(own.policiesDir)) {
    // Rules and schema go together: rules written for another schema would not validate.
    if (!isFile(path.join(own.policiesDir, "hub.cedarschema")) || !isDir(path.join(own.policiesDir, "rules"))) {
      throw new CandidateError(`${own.policiesDir} must hold both hub.cedarschema and rules/`);
    }
    policiesDir = own.policiesDir;
    replaces.push("policies");
  }
  const agreementsDir = isDir(own.agreementsDir) ? own.agreementsDir : repository.agreementsDir;
  if (agreementsDir === own.agreementsDir) replaces.push("agreements");
  const regimesFile = isFile(own.regimesFile) ? own.regimesFile : repository.regimesFile;
  if (regimesFile === own.regimesFile) replaces.push("regimes");
  if (replaces.length === 0) {
    throw new CandidateError(
      `${candidateDir} holds none of policies/, contracts/agreements/, contracts/regimes.yaml: nothing to preview`,
    );
  }
  return { paths: { policiesDir, agreementsDir, regimesFile }, replaces };
}
