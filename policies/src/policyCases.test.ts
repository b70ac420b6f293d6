import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { PolicyDecisionPoint } from "./PolicyDecisionPoint";
import {
  loadPolicyCases,
  MATRIX_COLUMNS,
  type CaseResult,
  type MatrixColumn,
  policyCoverage,
  runPolicyCase,
} from "./policyCases";
import { defaultPolicyPaths } from "./policySet";

const repoRoot = path.resolve(__dirname, "..", "..");
const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(repoRoot), "AM");
const cases = loadPolicyCases(path.join(repoRoot, "policies", "tests"));
const results = cases.map((c) => runPolicyCase(pdp, c));

/**
 * The competence matrix of POLICY-RULES.md, "ID, IDN" split in two. A = allow, F = flags only,
 * S = aggregates with disclosure control, D = deny.
 */
const COMPETENCE_MATRIX: Record<string, string> = {
  //                                     ID IDN BIO TRV RES ASY THB HLT CRM
  "border-officer/BORDER_CHECK": "A A A A F F F D A",
  "border-officer/RETURN_ENFORCEMENT": "A A A A F F F D A",
  "investigator/CRIMINAL_INVESTIGATION": "A A D A A D D D A",
  "clerk/RESIDENCE_ADMIN": "A A A A A D D D F",
  "asylum-officer/ASYLUM_PROCEDURE": "A A A A A A F A A",
  "caseworker/VICTIM_PROTECTION": "A A D A A F A A F",
  "statistician/OFFICIAL_STATISTICS": "D D D S S S S S S",
  "auditor/AUDIT": "D D D D D D D D D",
  // Foreign recipients (R14-2), each under the agreements naming its authority.
  "readmission-officer/RETURN_ENFORCEMENT": "A A D A F F F D D",
  "police-investigator/CRIMINAL_INVESTIGATION": "A A D A D D D D A",
};

/** What a cell's cases must show for its mark; empty when they show it. */
function cellProblems(mark: string, column: MatrixColumn, tagged: readonly CaseResult[]): string[] {
  const content = MATRIX_COLUMNS[column];
  const on = (category: string, allowed: boolean) =>
    tagged.some((r) => r.case.category === category && r.decision.allowed === allowed);
  const problems: string[] = [];
  if (tagged.length === 0) return ["no case"];
  if (tagged.some((r) => r.problems.length > 0)) problems.push("a case of the cell fails");
  switch (mark) {
    case "A":
      if (!tagged.every((r) => r.case.category === content && r.decision.allowed)) {
        problems.push(`every case allows ${content}`);
      }
      break;
    case "F":
      if (!on(content, false) || on(content, true)) problems.push(`${content} is denied`);
      if (!on("FLAG", true)) problems.push("FLAG is allowed");
      break;
    case "S":
      if (!on(content, false) || on(content, true)) problems.push(`${content} is denied`);
      if (!on("AGGREGATE", true)) problems.push("AGGREGATE is allowed");
      break;
    case "D":
      if (!on(content, false) || tagged.some((r) => r.decision.allowed)) problems.push(`only denials of ${content}`);
      break;
    default:
      problems.push(`unknown mark ${mark}`);
  }
  return problems;
}

describe("policy cases (policies/tests/*.yaml) against the real policy set", () => {
  it.each(results.map((r) => [`${path.basename(r.case.file)}:${r.case.line} ${r.case.name}`, r] as const))(
    "%s",
    (_name, result) => {
      expect(result.problems).toEqual([]);
    },
  );

  it("gives every policy of the set a passing allow case and a passing deny case", () => {
    const coverage = policyCoverage(pdp.policySet, results);
    expect(coverage).toEqual({ withoutAllow: [], withoutDeny: [] });
    // The expired pilot agreement is in the set (and covered): expiry is decided, not filtered out.
    expect(pdp.policySet.policies.has("AGR-BP-MS-PILOT-2023")).toBe(true);
  });

  it("demonstrates every cell of the competence matrix", () => {
    const problems: string[] = [];
    for (const [row, marks] of Object.entries(COMPETENCE_MATRIX)) {
      const columns = Object.keys(MATRIX_COLUMNS) as MatrixColumn[];
      marks.split(" ").forEach((mark, i) => {
        const column = columns[i] as MatrixColumn;
        const tagged = results.filter((r) => r.case.cell?.row === row && r.case.cell.column === column);
        for (const p of cellProblems(mark, column, tagged)) problems.push(`${row} ${column}=${mark}: ${p}`);
      });
    }
    const [role, purpose] = [(row: string) => row.split("/")[0], (row: string) => row.split("/")[1]];
    for (const { case: c } of results) {
      if (!c.cell) continue;
      if (!(c.cell.row in COMPETENCE_MATRIX)) problems.push(`${c.name}: no matrix row ${c.cell.row}`);
      if (c.principal.role !== role(c.cell.row) || c.purpose !== purpose(c.cell.row)) {
        problems.push(`${c.name}: the principal's role and purpose are not those of row ${c.cell.row}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("loadPolicyCases", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "policy-cases-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fileWith = (name: string, text: string) => {
    const sub = mkdtempSync(path.join(dir, "case-"));
    writeFileSync(path.join(sub, name), text);
    return { sub, file: path.join(sub, name) };
  };
  const principal = [
    "principals:",
    "  officer: &officer",
    "    subject: officer-0147",
    "    agency: BORDER_POLICE",
    "    role: border-officer",
    "    purposes: [BORDER_CHECK]",
    "    country: AM",
    "    cases: []",
    "cases:",
  ];

  it("names the file and line of a field that is not valid", () => {
    const { sub, file } = fileWith(
      "bad.yaml",
      [
        ...principal,
        "  - name: a crossing",
        "    principal: *officer",
        "    purpose: BORDER_CHECK",
        "    category: TRAVELS",
        "    owner: BORDER_POLICE",
        "    today: 2026-11-25",
        "    expect: allow",
        "    policy: AGR-BP-INTERNAL",
      ].join("\n"),
    );
    expect(() => loadPolicyCases(sub)).toThrow(`${file}:13: cases.0.category: Invalid option`);
  });

  it("names the file and line of a deny case without the rule it expects", () => {
    const { sub, file } = fileWith(
      "norule.yaml",
      [
        ...principal,
        "  - name: a crossing",
        "    principal: { <<: *officer, country: RU }",
        "    purpose: BORDER_CHECK",
        "    category: TRAVEL",
        "    owner: BORDER_POLICE",
        "    today: 2026-11-25",
        "    expect: deny",
      ].join("\n"),
    );
    expect(() => loadPolicyCases(sub)).toThrow(`${file}:10: cases.0.rule: a deny case names the rule that denies`);
  });

  it("names the file and line of malformed YAML", () => {
    const { sub, file } = fileWith("syntax.yaml", "cases:\n  - name: [unclosed\n");
    expect(() => loadPolicyCases(sub)).toThrow(`${file}:`);
  });
});
