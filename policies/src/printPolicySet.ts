/**
 * The whole policy set as one Cedar text for auditors (`npm run policies -- print`): the rule
 * policies, then the permits compiled from each agreement, exactly as the engine evaluates them.
 */
import path from "node:path";
import { formatCedar } from "./formatRules";
import { consumerId } from "./agreements";
import type { LoadedPolicySet } from "./policySet";

export function printPolicySet(set: LoadedPolicySet, repoRoot: string): string {
  const policies = [...set.policies.values()];
  const rules = policies.filter((p) => p.agreement === undefined);
  const byAgreement = new Map<string, string[]>();
  for (const p of policies) {
    if (p.agreement !== undefined) byAgreement.set(p.agreement, [...(byAgreement.get(p.agreement) ?? []), p.text]);
  }
  const out = [
    `// Policy set ${set.version}`,
    `// ${policies.length} policies: ${rules.length} rule policies (policies/rules/*.cedar) and`,
    `// ${policies.length - rules.length} permits compiled from ${set.agreements.length} agreements (contracts/agreements/*.yaml).`,
    `// Validated (strict) against policies/hub.cedarschema. Forbid overrides permit.`,
    "",
    "// ---- Rules (Convention 108+ guardrails) ----",
    "",
    ...rules.map((p) => formatCedar(p.text, p.id)),
    "",
    "// ---- Agreements ----",
  ];
  for (const a of set.agreements) {
    out.push(
      "",
      `// ${a.id} (${path.relative(repoRoot, a.file)}): ${a.provider} -> ${typeof a.consumer === "string" ? a.consumer : `${consumerId(a)} (${a.consumer.name}, ${a.consumer.country})`}, valid ${a.validFrom} to ${a.validTo}`,
      ...(byAgreement.get(a.id) ?? []).map((text) => formatCedar(text, a.id)),
    );
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
