/**
 * The Cedar formatter applied to the rule files (policies/rules/*.cedar), so that CI can check
 * that they are formatted and `npm run policies -- format` can format them.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatPolicies } from "@cedar-policy/cedar-wasm/nodejs";

/** The one formatting style of the policy files. */
export const CEDAR_FORMAT = { lineWidth: 100, indentWidth: 2 } as const;

export class FormatError extends Error {}

/** Formatted Cedar text; comments and annotations are kept. */
export function formatCedar(policyText: string, file = "<policies>"): string {
  const answer = formatPolicies({ policyText, ...CEDAR_FORMAT });
  if (answer.type !== "success") {
    throw new FormatError(`${file}: ${answer.errors.map((e) => e.message).join("; ") || "cannot be formatted"}`);
  }
  return answer.formatted_policy;
}

/** The rule files under `<policiesDir>/rules`, sorted. */
export function ruleFiles(policiesDir: string): string[] {
  const dir = path.join(policiesDir, "rules");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cedar"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The rule files whose text differs from its formatted form. */
export function unformattedRuleFiles(policiesDir: string): string[] {
  return ruleFiles(policiesDir).filter((file) => {
    const text = readFileSync(file, "utf8");
    return formatCedar(text, file) !== text;
  });
}

/** Formats every rule file in place; returns the files it changed. */
export function formatRuleFiles(policiesDir: string): string[] {
  const changed = unformattedRuleFiles(policiesDir);
  for (const file of changed) writeFileSync(file, formatCedar(readFileSync(file, "utf8"), file));
  return changed;
}
