/**
 * The version a snapshot rebuilds to, without building a decision point: what a gateway checks
 * before it stores its snapshot, and a reader before it trusts a stored one (content addressing).
 */
import { policyVersionOf } from "../PolicyDecisionPoint";
import { loadPolicySet } from "../policySet";
import type { PolicySnapshot } from "./PolicySnapshot";
import { withSnapshotFiles } from "./snapshotFiles";

export function snapshotVersion(snapshot: PolicySnapshot): string {
  return withSnapshotFiles(snapshot, (paths) =>
    policyVersionOf(loadPolicySet(paths, { hubCountry: snapshot.hubCountry }).version, snapshot.hubCountry),
  );
}
