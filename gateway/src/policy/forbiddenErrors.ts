/** Turns denials into readable per-field errors: which rule and article, and what to ask for instead. */
import type { GraphQLFormattedError } from "graphql";
import type { FieldDecision } from "./decideOperation";

const HINTS: Record<string, string> = {
  "R5-1": "Ask for data your agency's agreements cover for this purpose, or have an agreement concluded.",
  "R5-3": "Select persons or cases by a key (personRef, documentNumber, caseId, applicationId, permitNumber).",
  "R5-6": "For statistics and research, query the Statistics Office's observations and indicators.",
  "R6-1": "Special categories need an agreement clause naming them for your role.",
  "R6-3":
    "Ask for the FLAG fields instead: isProtectionHolder, reflectionPeriodActive, hasValidPermit, hasActiveEntryBan.",
  "R10-1": "Report the unclassified field to the hub operator.",
  "R11-1": "Send X-Authorization-Ref: <reference>@<YYYY-MM-DD valid until> with a current authorisation.",
  "R14-1": "Your country's data-protection regime does not allow personal data to be sent to it.",
  "RA-1": "Auditors read the audit log, not personal data.",
};

export function forbiddenErrors(denied: readonly FieldDecision[]): GraphQLFormattedError[] {
  return denied.map(({ field, owner, decision }) => {
    const category = field.category ?? "UNCLASSIFIED";
    const rule = decision.rule ?? "R5-1";
    return {
      message: `${field.typeName}.${field.fieldName} (${category} data of ${owner}) is not disclosed: ${decision.reason ?? "denied"} [${rule}, ${decision.article ?? ""}]`,
      path: field.path.split("."),
      extensions: {
        code: category === "UNCLASSIFIED" ? "UNCLASSIFIED_FIELD" : "FORBIDDEN",
        rule,
        article: decision.article,
        reason: decision.reason,
        category,
        owner,
        policies: decision.policies,
        hint: HINTS[rule] ?? HINTS[rule.replace(/-[a-z].*$/, "")] ?? null,
      },
    };
  });
}
