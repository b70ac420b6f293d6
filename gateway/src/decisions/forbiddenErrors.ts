/** Turns denials into readable per-field errors: which rule and article, and what to ask for instead. */
import { forbiddenError, type ForbiddenError } from "@hub/contracts";
import type { SelectionVerdict } from "./decideSelections";

const HINTS: Record<string, string> = {
  "R5-1": "Ask for data your agency's agreements cover for this purpose, or have an agreement concluded.",
  "R5-3": "Select persons or cases by a key (personRef, documentNumber, caseId, applicationId, permitNumber).",
  "R5-6":
    "For statistics and research, ask for aggregates: the agencies' statistical tables (borderPoliceStatistics, migrationServiceStatistics) or the Statistics Office's migrationProfile, observations and surveyEstimates.",
  "R6-1": "Special categories need an agreement clause naming them for your role.",
  "R6-3":
    "Ask for the FLAG fields instead: isProtectionHolder, reflectionPeriodActive, hasValidPermit, hasActiveEntryBan.",
  "R10-1": "Report the unclassified field to the hub operator.",
  "R11-1": "Send X-Authorization-Ref: <reference>@<YYYY-MM-DD valid until> with a current authorisation.",
  "R14-1": "Your country's data-protection regime does not allow personal data to be sent to it.",
  "RA-1": "Auditors read the audit log, not personal data.",
};

/** Yes/no facts that may be disclosed where the content of their category is not (R6-3). */
const FLAG_ALTERNATIVES: Record<string, string> = {
  ASYLUM: "Person.isProtectionHolder",
  TRAFFICKING: "Person.reflectionPeriodActive",
  RESIDENCE: "Person.hasValidPermit",
  CRIMINAL: "Person.hasActiveEntryBan",
};

/** Rules about the caller or purpose as a whole, where a flag would not help either. */
const NO_FLAG_RULES = new Set(["R5-1", "R5-3", "R5-6", "R11-1", "R14-1", "RA-1", "R10-1"]);

function hintFor(rule: string, category: string): string | null {
  const flag = FLAG_ALTERNATIVES[category];
  if (flag && !NO_FLAG_RULES.has(rule))
    return `Ask for the FLAG field ${flag} instead: it answers yes or no without disclosing content.`;
  if (flag && rule === "R5-1") return `No agreement grants this; the FLAG field ${flag} may be.`;
  return HINTS[rule] ?? HINTS[rule.replace(/-[a-z].*$/, "")] ?? null;
}

/** One error per denied selection, at the path where it would have answered. */
export function forbiddenErrors(denied: readonly SelectionVerdict[]): ForbiddenError[] {
  return denied.map(({ selection, owner, decision }) => {
    const category = selection.category ?? "UNCLASSIFIED";
    const rule = decision.rule ?? "R5-1";
    return forbiddenError({
      subject: `${selection.typeName}.${selection.fieldName}`,
      category,
      owner,
      decision: {
        rule,
        article: decision.article ?? "",
        reason: decision.reason ?? "denied",
        policies: decision.policies,
      },
      path: selection.path,
      hint: hintFor(rule, category),
      code: category === "UNCLASSIFIED" ? "UNCLASSIFIED_FIELD" : "FORBIDDEN",
    });
  });
}
