/**
 * A verdict per selection (R5-2): each selection is decided where it occurs, by every agency
 * that serves its field, with the values of its key arguments checked first (R5-3: a key is a
 * value, not an argument's presence) and an unkeyed root list of personal data decided as such.
 */
import { checkKey, isKeyArgument, type Principal, type Purpose } from "@hub/contracts";
import type { Decision, PolicyDecisionPoint } from "@hub/policies";
import type { Selection } from "../selections/collectSelections";

export interface SelectionVerdict {
  selection: Selection;
  /** The agency whose decision stands: the first that denied, or the last that allowed. */
  owner: string;
  decision: Decision;
  /** Decided as an unkeyed root list of personal data (R5-3). */
  unkeyedList: boolean;
}

export interface Verdict {
  /** One verdict per selection, in document order. */
  verdicts: readonly SelectionVerdict[];
  denied: readonly SelectionVerdict[];
  /** Agreements and policies that granted the allowed selections. */
  grantingPolicies: readonly string[];
  /** The day (UTC, YYYY-MM-DD) every selection of the request was decided on, recorded for replay. */
  decidedOn: string;
}

export interface DecisionAsked {
  principal: Principal;
  purpose: Purpose;
  authorizationUntil?: string;
}

/**
 * A selection's keys, read once: the first key argument whose value selects nothing (blank,
 * wildcard, malformed) as a denial, and whether any key argument names one person or case.
 */
function readKeys(pdp: PolicyDecisionPoint, selection: Selection): { denial?: Decision; keyed: boolean } {
  let keyed = false;
  for (const [name, value] of Object.entries(selection.arguments)) {
    if (!isKeyArgument(name) || value === undefined || value === null) continue;
    const check = checkKey(name, value);
    if (!check.ok) {
      const { rule, article } = pdp.rule("R5-3");
      return { denial: { allowed: false, policies: [], rule, article, reason: check.message }, keyed };
    }
    keyed = true;
  }
  return { keyed };
}

export function decideSelections(
  pdp: PolicyDecisionPoint,
  asked: DecisionAsked,
  selections: readonly Selection[],
): Verdict {
  const verdicts: SelectionVerdict[] = [];
  const granting = new Set<string>();
  // One day for the whole request, so that a request over midnight is decided, and replayed, as one.
  const today = new Date().toISOString().slice(0, 10);
  for (const selection of selections) {
    // A field no subgraph claims is decided as unclassified (R10-1), never allowed by default.
    const owners = selection.owners.length > 0 ? selection.owners : ["UNKNOWN"];
    const keys = readKeys(pdp, selection);
    if (keys.denial) {
      verdicts.push({ selection, owner: owners[0] ?? "UNKNOWN", decision: keys.denial, unkeyedList: false });
      continue;
    }
    const unkeyedList = selection.isRoot && selection.isList && !keys.keyed;
    const granted: string[] = [];
    let verdict: SelectionVerdict | undefined;
    for (const owner of owners) {
      const decision = pdp.decide({
        principal: asked.principal,
        purpose: asked.purpose,
        category: selection.category ?? "UNCLASSIFIED",
        owner,
        unkeyedList,
        today,
        ...(asked.authorizationUntil ? { authorizationUntil: asked.authorizationUntil } : {}),
      });
      verdict = { selection, owner, decision, unkeyedList };
      if (!decision.allowed) break;
      granted.push(...decision.policies);
    }
    if (!verdict) continue;
    // What granted a selection counts only when every owner allowed it.
    if (verdict.decision.allowed) granted.forEach((p) => granting.add(p));
    verdicts.push(verdict);
  }
  return {
    verdicts,
    denied: verdicts.filter((v) => !v.decision.allowed),
    grantingPolicies: [...granting].sort(),
    decidedOn: today,
  };
}
