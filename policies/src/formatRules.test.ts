import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { policySetTextToParts } from "@cedar-policy/cedar-wasm/nodejs";
import { formatCedar, formatRuleFiles, FormatError, unformattedRuleFiles } from "./formatRules";
import { defaultPolicyPaths, loadPolicySet } from "./policySet";
import { printPolicySet } from "./printPolicySet";

const repoRoot = path.resolve(__dirname, "..", "..");
const dir = mkdtempSync(path.join(tmpdir(), "rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UNFORMATTED = `// Why this rule exists.
@id("T-1")
@article("108+ Art. 5")
forbid (principal, action, resource) when { context.purpose == "AUDIT" };
`;

describe("rule file formatting", () => {
  it("lists the files that differ from their formatted form, and formats them keeping comments", () => {
    mkdirSync(path.join(dir, "rules"));
    const messy = path.join(dir, "rules", "messy.cedar");
    const tidy = path.join(dir, "rules", "tidy.cedar");
    writeFileSync(messy, UNFORMATTED);
    writeFileSync(tidy, formatCedar(UNFORMATTED));
    expect(unformattedRuleFiles(dir)).toEqual([messy]);
    expect(formatRuleFiles(dir)).toEqual([messy]);
    expect(unformattedRuleFiles(dir)).toEqual([]);
    expect(readFileSync(messy, "utf8")).toContain("// Why this rule exists.");
    expect(readFileSync(messy, "utf8")).toContain('@article("108+ Art. 5")');
  });

  it("names the file of a policy that does not parse", () => {
    expect(() => formatCedar("permit (principal, action, resource) when {", "rules/broken.cedar")).toThrow(FormatError);
    expect(() => formatCedar("permit (principal, action, resource) when {", "rules/broken.cedar")).toThrow(
      "rules/broken.cedar: ",
    );
  });

  it("keeps the repository's rule files formatted (what npm run policies -- format-check checks)", () => {
    expect(unformattedRuleFiles(path.join(repoRoot, "policies"))).toEqual([]);
  });
});

describe("printPolicySet", () => {
  it("prints every policy of the set as one Cedar text that parses back to the same number of policies", () => {
    const set = loadPolicySet(defaultPolicyPaths(repoRoot));
    const printed = printPolicySet(set, repoRoot);
    expect(printed).toContain(`// Policy set ${set.version}`);
    for (const id of set.policies.keys()) expect(printed).toContain(`@id(${JSON.stringify(id)})`);
    const parts = policySetTextToParts(printed);
    expect(parts.type === "success" ? parts.policies.length : parts.errors).toBe(set.policies.size);
  });
});
