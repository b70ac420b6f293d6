/**
 * The policy counterpart of the schema checks: every agreement of the working tree compared with
 * the same agreement (by id) at a base commit. A change that widens access passes only when the
 * agreement acknowledges it, with an acknowledgment made in this change naming every widening;
 * narrowing needs none.
 */
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { AcknowledgedWidening, Agreement } from "../agreements";
import { classifyAgreementChange } from "./classifyAgreementChange";

export type AgreementCheckStatus = "narrows" | "acknowledged" | "unacknowledged";

export interface AgreementCheck {
  id: string;
  /** The file of the new version (of the old one, for a removed agreement). */
  file: string;
  status: AgreementCheckStatus;
  widens: string[];
  narrows: string[];
  /** For an unacknowledged widening: the widenings no acknowledgment of this change names. */
  missing: string[];
  /** Why the acknowledgment there is does not count, when it does not. */
  problem?: string;
}

export interface AgreementsCheck {
  /** Changed agreements only; an agreement whose grants did not change is not listed. */
  checks: AgreementCheck[];
  ok: boolean;
}

function acknowledgmentProblem(
  before: AcknowledgedWidening | undefined,
  after: AcknowledgedWidening | undefined,
  widens: readonly string[],
): { missing: string[]; problem?: string } {
  if (!after) return { missing: [...widens], problem: "the agreement has no acknowledgedWidening" };
  if (before && isDeepStrictEqual(before, after)) {
    return {
      missing: [...widens],
      problem: `its acknowledgedWidening (${after.reference}, ${after.date}) is that of an earlier change`,
    };
  }
  const listed = new Set(after.widens);
  const missing = widens.filter((w) => !listed.has(w));
  return missing.length === 0
    ? { missing }
    : { missing, problem: `acknowledgedWidening.widens does not name ${missing.length} of the widenings` };
}

/** Compares the agreements (`after`, the working tree) with those at the base (`before`). */
export function checkAgreements(
  before: readonly Agreement[],
  after: readonly Agreement[],
  root: string,
): AgreementsCheck {
  const old = new Map(before.map((a) => [a.id, a]));
  const now = new Map(after.map((a) => [a.id, a]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const checks: AgreementCheck[] = [];
  for (const id of ids) {
    const a = old.get(id);
    const b = now.get(id);
    const { widens, narrows } = classifyAgreementChange(a, b);
    if (widens.length === 0 && narrows.length === 0) continue;
    const file = b ? path.relative(root, b.file) : (a?.file ?? "");
    if (widens.length === 0) {
      checks.push({ id, file, status: "narrows", widens, narrows, missing: [] });
      continue;
    }
    const { missing, problem } = acknowledgmentProblem(a?.acknowledgedWidening, b?.acknowledgedWidening, widens);
    checks.push({
      id,
      file,
      status: missing.length === 0 ? "acknowledged" : "unacknowledged",
      widens,
      narrows,
      missing,
      ...(problem ? { problem } : {}),
    });
  }
  return { checks, ok: checks.every((c) => c.status !== "unacknowledged") };
}

/** The check's answer for a person reading CI output. */
export function describeAgreementsCheck(result: AgreementsCheck, base: string): string {
  if (result.checks.length === 0) return `No agreement grants anything other than at ${base}.`;
  const lines = [`Agreement changes against ${base}:`];
  for (const c of result.checks) {
    lines.push(`  ${c.id} (${c.file}): ${c.status}`);
    for (const w of c.widens) lines.push(`    widens   ${w}`);
    for (const n of c.narrows) lines.push(`    narrows  ${n}`);
    if (c.status === "unacknowledged") {
      lines.push(`    ${c.problem ?? "not acknowledged"}; to acknowledge, add to the agreement:`);
      lines.push("      acknowledgedWidening:", "        by: <name and function>", "        date: <YYYY-MM-DD>");
      lines.push("        reference: <the signed amendment or decision>", "        widens:");
      for (const w of c.widens) lines.push(`          - ${w}`);
    }
  }
  lines.push(result.ok ? "Every widening is acknowledged." : "A widening of access is not acknowledged.");
  return lines.join("\n");
}
