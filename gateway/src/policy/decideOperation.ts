/**
 * Decides every field an operation touches (R5-2): one policy decision per distinct category and
 * owning agency, every owner of a field must allow it, and unkeyed root lists of personal data
 * are decided as such (R5-3).
 */
import type { Principal, Purpose } from "@hub/contracts";
import type { Decision, PolicyDecisionPoint } from "@hub/policies";
import type { TouchedField } from "../fields/collectFields";

/** Arguments that select persons or cases by a key (R5-3). */
export const KEY_ARGUMENTS = new Set([
  "personRef",
  "personRefs",
  "documentNumber",
  "nationalId",
  "caseId",
  "applicationId",
  "permitNumber",
  "decisionId",
  "id",
]);

export interface FieldDecision {
  field: TouchedField;
  owner: string;
  decision: Decision;
}

export interface OperationDecision {
  /** Every field with its decision per owner. */
  decided: FieldDecision[];
  /** The denials, one per field path (the first denying owner). */
  denied: FieldDecision[];
  /** Agreements and policies that granted what was allowed. */
  grantingPolicies: string[];
}

export interface OperationRequest {
  principal: Principal;
  purpose: Purpose;
  authorizationUntil?: string;
}

export function decideOperation(
  pdp: PolicyDecisionPoint,
  request: OperationRequest,
  touched: TouchedField[],
): OperationDecision {
  const decided: FieldDecision[] = [];
  const denied: FieldDecision[] = [];
  const granting = new Set<string>();
  for (const field of touched) {
    const unkeyedList = field.isRoot && field.isList && !field.givenArguments.some((a) => KEY_ARGUMENTS.has(a));
    // A field no subgraph claims is decided as unclassified (R10-1), never allowed by default.
    const owners = field.owners.length > 0 ? field.owners : ["UNKNOWN"];
    let firstDenial: FieldDecision | undefined;
    for (const owner of owners) {
      const decision = pdp.decide({
        principal: request.principal,
        purpose: request.purpose,
        category: field.category ?? "UNCLASSIFIED",
        owner,
        unkeyedList,
        ...(request.authorizationUntil ? { authorizationUntil: request.authorizationUntil } : {}),
      });
      const entry = { field, owner, decision };
      decided.push(entry);
      if (decision.allowed) decision.policies.forEach((p) => granting.add(p));
      else firstDenial ??= entry;
    }
    if (firstDenial) denied.push(firstDenial);
  }
  return { decided, denied, grantingPolicies: [...granting].sort() };
}
