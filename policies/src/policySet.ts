/**
 * The policy set the hub decides with: the rule policies in policies/rules/*.cedar (Convention
 * 108+ guardrails, mostly `forbid`) and the permits compiled from the agreements, with the
 * version hash recorded in every audit event (R10-3).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { policySetTextToParts, policyToJson } from "@cedar-policy/cedar-wasm/nodejs";
import { loadAgreements, type Agreement } from "./agreements";
import { compileAgreement } from "./compileAgreements";
import { loadRegimes, type Regimes } from "./regimes";

export interface PolicyInfo {
  id: string;
  effect: "permit" | "forbid";
  article: string;
  description: string;
  /** Agreement that granted, for compiled permits. */
  agreement?: string;
  text: string;
}

export interface LoadedPolicySet {
  schema: string;
  policies: Map<string, PolicyInfo>;
  agreements: Agreement[];
  regimes: Regimes;
  /** SHA-256 of schema, policies, agreements and regimes. */
  version: string;
}

export interface PolicyPaths {
  policiesDir: string;
  agreementsDir: string;
  regimesFile: string;
}

export const defaultPolicyPaths = (repoRoot: string): PolicyPaths => ({
  policiesDir: path.join(repoRoot, "policies"),
  agreementsDir: path.join(repoRoot, "contracts", "agreements"),
  regimesFile: path.join(repoRoot, "contracts", "regimes.yaml"),
});

export class PolicyLoadError extends Error {}

function describe(text: string, file: string): PolicyInfo {
  const json = policyToJson(text);
  if (json.type !== "success")
    throw new PolicyLoadError(`${file}: ${json.errors[0]?.message ?? "cannot parse a policy"}`);
  const annotations = json.json.annotations ?? {};
  const id = annotations.id;
  if (!id) throw new PolicyLoadError(`${file}: every policy needs an @id("...") annotation`);
  if (!annotations.article) throw new PolicyLoadError(`${file}: policy ${id} needs an @article("...") annotation`);
  return {
    id,
    effect: json.json.effect,
    article: annotations.article,
    description: annotations.description ?? "",
    ...(annotations.agreement ? { agreement: annotations.agreement } : {}),
    text,
  };
}

/**
 * Loads the whole set. With the hub's country, an agreement naming a foreign authority of that
 * same country is refused (it would be a domestic agency under another name).
 */
export function loadPolicySet(paths: PolicyPaths, options: { hubCountry?: string } = {}): LoadedPolicySet {
  const schema = readFileSync(path.join(paths.policiesDir, "hub.cedarschema"), "utf8");
  const policies = new Map<string, PolicyInfo>();
  const add = (info: PolicyInfo, file: string) => {
    if (policies.has(info.id)) throw new PolicyLoadError(`${file}: policy id ${info.id} is used twice`);
    policies.set(info.id, info);
  };
  const rulesDir = path.join(paths.policiesDir, "rules");
  for (const name of readdirSync(rulesDir)
    .filter((f) => f.endsWith(".cedar"))
    .sort()) {
    const file = path.join(rulesDir, name);
    const parts = policySetTextToParts(readFileSync(file, "utf8"));
    if (parts.type !== "success") throw new PolicyLoadError(`${file}: ${parts.errors[0]?.message ?? "cannot parse"}`);
    if (parts.policy_templates.length > 0) throw new PolicyLoadError(`${file}: templates are not used here`);
    for (const text of parts.policies) add(describe(text, file), file);
  }
  const agreements = loadAgreements(paths.agreementsDir, options);
  for (const agreement of agreements) {
    for (const text of Object.values(compileAgreement(agreement))) add(describe(text, agreement.file), agreement.file);
  }
  const regimes = loadRegimes(paths.regimesFile);
  const hash = createHash("sha256");
  hash.update(schema);
  for (const id of [...policies.keys()].sort()) hash.update(`\n${id}\n${policies.get(id)?.text ?? ""}`);
  hash.update(JSON.stringify(agreements.map(({ file: _file, ...a }) => a)));
  hash.update(JSON.stringify([...regimes].sort()));
  return { schema, policies, agreements, regimes, version: hash.digest("hex") };
}
