/** The purposes a token allows: its purposes claim, narrowed by the purposes its OAuth scopes grant. */
import { isPurpose, type Purpose } from "@hub/contracts";
import type { ClaimMapping } from "./ClaimMapping";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { readList, sourceOf, type ListValue } from "./readRule";

/** Every value must be a purpose code: a typo, in a claim or a scope, refuses the token rather than passing unseen. */
function known(read: ListValue, field: string): Purpose[] {
  if (!read.values.every(isPurpose)) throw new ClaimsUnfit(field, "unknown-purpose", read.source);
  return read.values as Purpose[];
}

/**
 * Without a scope claim (or with scopes not configured) the purposes claim alone counts. With one,
 * the scopes' purposes (values with the prefix) count: alone when the token has no purposes
 * claim, else intersected with it, so a token the client down-scoped to one purpose is held to it.
 */
export function readPurposes(payload: unknown, mapping: ClaimMapping): Purpose[] {
  const claimedRead = readList(payload, mapping.purposes, "purposes");
  const claimed = claimedRead && known(claimedRead, "purposes");
  const scopedRead = mapping.scopes ? readList(payload, mapping.scopes, "scopes") : null;
  if (scopedRead === null) {
    if (claimed === null) throw new ClaimsUnfit("purposes", "missing", sourceOf(mapping.purposes));
    return claimed;
  }
  const scoped = known(scopedRead, "scopes");
  const allowed = claimed === null ? scoped : claimed.filter((p) => scoped.includes(p));
  // Fail closed: a token that carries scopes but none granting a purpose (say `openid profile`) was
  // not issued for any use of the hub's data, so it is refused instead of falling back to its claims.
  if (allowed.length === 0) throw new ClaimsUnfit("purposes", "no-purpose-in-scope", scopedRead.source);
  return allowed;
}
