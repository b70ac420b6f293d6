/**
 * The policy set cut into the parts one decision can reach, each pre-parsed once: every rule,
 * and only the agreement permits whose consumer is the caller's body and whose provider owns the
 * data. Cedar's stateful call costs time in proportion to the size of the set it is handed, and a
 * permit left out could not have applied: its scope (`principal in <consumer>`) holds only for
 * callers of that body (a caller's one parent is its body, entities.ts), and its condition tests
 * `resource.owner == <provider>` right after `principal.country`, an attribute every caller has,
 * so it can neither allow nor fail for another owner's data.
 */
import { preparsePolicySet } from "@cedar-policy/cedar-wasm/nodejs";
import { consumerId } from "./agreements";
import { compileAgreement } from "./compileAgreements";
import type { LoadedPolicySet } from "./policySet";

export class PolicyPartitionError extends Error {}

const pairKey = (body: string, owner: string) => `${body}\u0000${owner}`;

export class PolicyPartitions {
  /** Pre-parsed set id per (consumer body, provider) pair that has agreements. */
  private readonly byPair = new Map<string, string>();
  /** The rules alone: for a caller of no body, or a pair no agreement covers. */
  readonly rulesOnly: string;
  /** Every policy (the reference evaluation's set). */
  readonly whole: string;

  constructor(policySet: LoadedPolicySet, baseId: string) {
    const permits = new Map<string, string[]>();
    const agreementPolicies = new Set<string>();
    for (const agreement of policySet.agreements) {
      const ids = Object.keys(compileAgreement(agreement));
      ids.forEach((id) => agreementPolicies.add(id));
      const key = pairKey(consumerId(agreement), agreement.provider);
      permits.set(key, [...(permits.get(key) ?? []), ...ids]);
    }
    const rules = [...policySet.policies.keys()].filter((id) => !agreementPolicies.has(id));
    const preparse = (id: string, ids: readonly string[]) => {
      const staticPolicies: Record<string, string> = {};
      for (const policyId of ids) {
        const policy = policySet.policies.get(policyId);
        if (!policy) throw new PolicyPartitionError(`agreement policy ${policyId} is not in the policy set`);
        staticPolicies[policyId] = policy.text;
      }
      const parsed = preparsePolicySet(id, { staticPolicies });
      if (parsed.type !== "success") throw new PolicyPartitionError(`policies: ${parsed.errors[0]?.message}`);
      return id;
    };
    this.whole = preparse(`${baseId}#whole`, [...policySet.policies.keys()]);
    this.rulesOnly = preparse(`${baseId}#rules`, rules);
    let index = 0;
    for (const [key, ids] of permits) {
      this.byPair.set(key, preparse(`${baseId}#${index}`, [...rules, ...ids]));
      index += 1;
    }
  }

  /** The pre-parsed set for a caller acting for `body` (null: for none) on data `owner` holds. */
  setFor(body: string | null, owner: string): string {
    return (body !== null && this.byPair.get(pairKey(body, owner))) || this.rulesOnly;
  }
}
