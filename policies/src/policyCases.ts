/**
 * Policy test cases (policies/tests/*.yaml), in the manner of cedar-examples' ALLOW/ and DENY/
 * request fixtures: read and validated with file and line, run against the real decision point,
 * and measured for coverage (every policy of the set has an allow and a deny case).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { AGENCIES, DATA_CATEGORIES, describeIssue, lineOf, principalSchema, PURPOSES } from "@hub/contracts";
import { isoDate } from "./agreements";
import type { Decision, PolicyDecisionPoint } from "./PolicyDecisionPoint";
import type { LoadedPolicySet } from "./policySet";

/** Columns of the competence matrix (POLICY-RULES.md), "ID, IDN" split in two. */
export const MATRIX_COLUMNS = {
  ID: "IDENTIFIER",
  IDN: "IDENTITY",
  BIO: "BIOMETRIC",
  TRV: "TRAVEL",
  RES: "RESIDENCE",
  ASY: "ASYLUM",
  THB: "TRAFFICKING",
  HLT: "HEALTH",
  CRM: "CRIMINAL",
} as const;
export type MatrixColumn = keyof typeof MATRIX_COLUMNS;

const policyId = z.string().min(1).max(120);

const caseSchema = z
  .object({
    name: z.string().min(3).max(300),
    principal: principalSchema.strict(),
    purpose: z.enum(PURPOSES),
    category: z.enum([...DATA_CATEGORIES, "UNCLASSIFIED"]),
    /** An agency, or UNKNOWN for a field no subgraph claims (as the gateway decides it). */
    owner: z.enum([...AGENCIES, "UNKNOWN"]),
    authorizationUntil: isoDate.optional(),
    unkeyedList: z.boolean().optional(),
    record: z
      .object({
        retainUntil: isoDate.optional(),
        subjectMinor: z.boolean().optional(),
        assignedCaseworker: z.string().min(1).optional(),
        countryOfOrigin: z
          .string()
          .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
          .optional(),
        asylumDerived: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** The decision date: fixed, so that the cases do not change meaning as time passes. */
    today: isoDate,
    expect: z.enum(["allow", "deny"]),
    /** allow: a policy that must be among the granting ones. */
    policy: policyId.optional(),
    /** deny: the rule the denial must name. */
    rule: policyId.optional(),
    /** deny: exactly the policies that must forbid (none when no permit applied). */
    policies: z.array(policyId).optional(),
    /**
     * The policies this case is a boundary case of, beyond what its decision names: for an allow
     * case, the forbid rules that rightly stay silent; for a deny case, the agreement permits that
     * rightly do not grant (wrong purpose, role, category or date).
     */
    covers: z.array(policyId).min(1).optional(),
    /** The cell of the competence matrix this case demonstrates. */
    cell: z
      .object({
        row: z.string().regex(/^[a-z-]+\/[A-Z_]+$/, "must be <role>/<PURPOSE>"),
        column: z.enum(Object.keys(MATRIX_COLUMNS) as [MatrixColumn, ...MatrixColumn[]]),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.expect === "allow" && !c.policy) {
      ctx.addIssue({ code: "custom", path: ["policy"], message: "an allow case names the granting policy" });
    }
    if (c.expect === "allow" && (c.rule || c.policies)) {
      ctx.addIssue({ code: "custom", path: ["rule"], message: "rule and policies are for deny cases" });
    }
    if (c.expect === "deny" && !c.rule) {
      ctx.addIssue({ code: "custom", path: ["rule"], message: "a deny case names the rule that denies" });
    }
    if (c.expect === "deny" && c.policy) {
      ctx.addIssue({ code: "custom", path: ["policy"], message: "policy is for allow cases" });
    }
  });

const fileSchema = z
  .object({
    /** Principals the cases share through YAML anchors (`&officer`, `*officer`, `<<: *officer`). */
    principals: z.record(z.string(), principalSchema.strict()).optional(),
    cases: z.array(z.unknown()).min(1),
  })
  .strict();

export type PolicyCase = z.infer<typeof caseSchema> & { file: string; line: number };

export class PolicyCaseError extends Error {}

/** Reads every `*.yaml` case file in `dir`; throws one PolicyCaseError naming file, line and problem. */
export function loadPolicyCases(dir: string): PolicyCase[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort();
  if (files.length === 0) throw new PolicyCaseError(`${dir}: no policy case files (*.yaml)`);
  const cases: PolicyCase[] = [];
  const names = new Map<string, string>();
  for (const name of files) {
    const file = path.join(dir, name);
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: counter, merge: true, prettyErrors: false });
    const syntax = doc.errors[0];
    if (syntax) throw new PolicyCaseError(`${file}:${counter.linePos(syntax.pos[0]).line}: ${syntax.message}`);
    if (!isMap(doc.contents)) throw new PolicyCaseError(`${file}:1: a case file is a mapping with a list of cases`);
    // The files are ours, so aliases are not a risk; a shared principal is used by many cases.
    const shape = fileSchema.safeParse(doc.toJS({ maxAliasCount: -1 }));
    if (!shape.success) throw new PolicyCaseError(describeIssue(file, doc, counter, shape.error.issues[0]));
    shape.data.cases.forEach((raw, i) => {
      const parsed = caseSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const inCase = issue ? { ...issue, path: ["cases", i, ...issue.path] } : undefined;
        throw new PolicyCaseError(describeIssue(file, doc, counter, inCase as typeof issue));
      }
      const line = lineOf(doc, counter, ["cases", i]);
      const first = names.get(parsed.data.name);
      if (first) throw new PolicyCaseError(`${file}:${line}: name: "${parsed.data.name}" is already used at ${first}`);
      names.set(parsed.data.name, `${file}:${line}`);
      cases.push({ ...parsed.data, file, line });
    });
  }
  return cases;
}

export interface CaseResult {
  case: PolicyCase;
  decision: Decision;
  /** Why the case fails; empty when it passes. */
  problems: string[];
}

/** Decides one case with the decision point and compares the decision with what the case expects. */
export function runPolicyCase(pdp: PolicyDecisionPoint, c: PolicyCase): CaseResult {
  const decision = pdp.decide({
    principal: c.principal,
    purpose: c.purpose,
    category: c.category,
    owner: c.owner,
    today: c.today,
    ...(c.authorizationUntil ? { authorizationUntil: c.authorizationUntil } : {}),
    ...(c.unkeyedList !== undefined ? { unkeyedList: c.unkeyedList } : {}),
    ...(c.record ? { record: c.record } : {}),
  });
  const problems: string[] = [];
  const got = decision.allowed
    ? `allow by [${decision.policies.join(", ")}]`
    : `deny by ${decision.rule} [${decision.policies.join(", ")}]`;
  if (decision.allowed !== (c.expect === "allow")) problems.push(`expected ${c.expect}, got ${got}`);
  if (c.expect === "allow" && decision.allowed && c.policy && !decision.policies.includes(c.policy)) {
    problems.push(`expected ${c.policy} among the granting policies, got ${got}`);
  }
  if (c.expect === "deny" && !decision.allowed) {
    if (c.rule !== decision.rule) problems.push(`expected the denial to name ${c.rule}, got ${got}`);
    const expected = c.policies ? [...c.policies].sort() : undefined;
    if (expected && expected.join() !== decision.policies.join()) {
      problems.push(`expected the forbidding policies [${expected.join(", ")}], got ${got}`);
    }
  }
  const set = pdp.policySet.policies;
  for (const id of [c.policy, c.rule, ...(c.policies ?? []), ...(c.covers ?? [])]) {
    if (id !== undefined && !set.has(id)) problems.push(`${id} is not a policy of the set`);
  }
  for (const id of c.covers ?? []) {
    const effect = set.get(id)?.effect;
    if (c.expect === "allow" && effect === "permit") {
      problems.push(`covers: ${id} is a permit; an allow case covers forbid rules that stay silent`);
    }
    if (c.expect === "deny" && effect === "forbid") {
      problems.push(`covers: ${id} is a forbid rule; a deny case names it in rule or policies instead`);
    }
  }
  return { case: c, decision, problems };
}

export interface Coverage {
  /** Policies without a passing allow case. */
  withoutAllow: string[];
  /** Policies without a passing deny case. */
  withoutDeny: string[];
}

/**
 * A permit is covered by an allow case it grants and a deny case that `covers` it; a forbid rule
 * by a deny case whose decision names it and an allow case that `covers` it.
 */
export function policyCoverage(set: LoadedPolicySet, results: readonly CaseResult[]): Coverage {
  const passed = results.filter((r) => r.problems.length === 0);
  const allows = passed.filter((r) => r.decision.allowed);
  const denies = passed.filter((r) => !r.decision.allowed);
  const withoutAllow: string[] = [];
  const withoutDeny: string[] = [];
  for (const [id, policy] of set.policies) {
    const covers = (r: CaseResult) => r.case.covers?.includes(id) ?? false;
    const named = (r: CaseResult) => r.decision.rule === id || r.decision.policies.includes(id);
    if (!allows.some(policy.effect === "permit" ? named : covers)) withoutAllow.push(id);
    if (!denies.some(policy.effect === "permit" ? covers : named)) withoutDeny.push(id);
  }
  return { withoutAllow, withoutDeny };
}
