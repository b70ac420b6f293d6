/** Who acts for whom: the RFC 8693 `act` claim or a configured officer claim, and the caller's identifiers. */
import type { ClaimMapping, MappedCaller } from "./ClaimMapping";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { readSingle, type SingleValue } from "./readRule";

/** An identifier the audit and logs keep (client id, officer, actor): bounded, and no control characters. */
const IDENTIFIER = /^[^\p{Cc}]{1,200}$/u;

/** A single identifier: null when absent; refused when present and not an identifier. */
export function readIdentifier(payload: unknown, rule: ClaimMapping["clientId"], field: string): SingleValue | null {
  const read = readSingle(payload, rule, field);
  if (read && !IDENTIFIER.test(read.value)) throw new ClaimsUnfit(field, "invalid", read.source);
  return read;
}

export type Delegation = Pick<MappedCaller, "onBehalfOf" | "delegation"> & { subject: string };

/** The actor of an `act` claim: an object with a string `sub`, or the token is refused. */
function actorOf(act: unknown): string {
  const sub =
    typeof act === "object" && act !== null && !Array.isArray(act)
      ? Object.getOwnPropertyDescriptor(act, "sub")?.value
      : undefined;
  if (typeof sub !== "string" || !IDENTIFIER.test(sub)) throw new ClaimsUnfit("act", "invalid", 'claim "act"');
  return sub;
}

/**
 * The principal's subject and the officer it acts for. With `act` (RFC 8693 token exchange) the
 * caller is the actor (`act.sub`) and the token's subject is the officer. Only the immediate actor
 * counts: a nested `act` inside it names earlier actors in the chain, which RFC 8693 (4.1) says
 * are informational and not for access decisions. With a configured officer claim the subject is
 * the calling system and the claim names the officer. When both are present they must name the
 * same officer; otherwise who is acting is unclear and the token is refused.
 */
export function readDelegation(payload: object, mapping: ClaimMapping, subject: SingleValue): Delegation {
  const officer = mapping.officer ? readIdentifier(payload, mapping.officer, "officer") : null;
  if (Object.hasOwn(payload, "act")) {
    const actor = actorOf(Object.getOwnPropertyDescriptor(payload, "act")?.value);
    if (!IDENTIFIER.test(subject.value)) throw new ClaimsUnfit("subject", "invalid", subject.source);
    if (officer && officer.value !== subject.value) {
      throw new ClaimsUnfit("officer", "delegation-conflict", officer.source);
    }
    return { subject: actor, onBehalfOf: subject.value, delegation: "act" };
  }
  if (officer) return { subject: subject.value, onBehalfOf: officer.value, delegation: "claim" };
  return { subject: subject.value, onBehalfOf: null, delegation: null };
}
