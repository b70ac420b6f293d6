/**
 * Whether a change of one agreement widens or narrows access, read from its structure: what the
 * compiled permits grant is exactly (consumer, provider, purpose, role, category) during
 * validFrom..validTo (compileAgreements.ts), so comparing those sets compares the permits. The
 * rules (forbids) hold whatever an agreement says and are not part of it.
 */
import { consumerId, type Agreement } from "../agreements";

/** The fields of an agreement that decide what it grants. */
export type AgreementGrants = Pick<
  Agreement,
  "provider" | "consumer" | "purposes" | "roles" | "categories" | "specialCategories" | "validFrom" | "validTo"
>;

export interface AgreementChange {
  /** What the new version grants that the old did not, as an acknowledgment names it. */
  widens: string[];
  /** What the old version granted that the new does not. */
  narrows: string[];
}

/** One grant, in the words of an acknowledgment: `PURPOSE role CATEGORY`. */
export const grantName = (purpose: string, role: string, category: string) => `${purpose} ${role} ${category}`;

/** Every (purpose, role, category) the agreement grants its consumer on its provider's data. */
export function grantsOf(a: AgreementGrants): Set<string> {
  const grants = new Set<string>();
  for (const purpose of a.purposes) {
    for (const role of a.roles) for (const category of a.categories) grants.add(grantName(purpose, role, category));
    for (const clause of a.specialCategories) {
      for (const role of clause.roles) grants.add(grantName(purpose, role, clause.category));
    }
  }
  return grants;
}

const sorted = (values: Iterable<string>) => [...values].sort();

/**
 * Compares two versions of one agreement (by id); `before` undefined: the agreement is new, and
 * everything it grants widens; `after` undefined: it was removed, and everything narrows. Another
 * consumer or provider makes every grant a new one (to someone else), and says so by name.
 */
export function classifyAgreementChange(
  before: AgreementGrants | undefined,
  after: AgreementGrants | undefined,
): AgreementChange {
  const widens: string[] = [];
  const narrows: string[] = [];
  const old = before ? grantsOf(before) : new Set<string>();
  const now = after ? grantsOf(after) : new Set<string>();
  if (before && after) {
    const sameParties = consumerId(before) === consumerId(after) && before.provider === after.provider;
    if (consumerId(before) !== consumerId(after)) widens.push(`consumer ${consumerId(after)}`);
    if (before.provider !== after.provider) widens.push(`provider ${after.provider}`);
    if (!sameParties) {
      // Nothing carries over: every grant is to another party (or of another's data).
      return {
        widens: [...widens, ...sorted(now)],
        narrows: [`consumer ${consumerId(before)}`, `provider ${before.provider}`, ...sorted(old)],
      };
    }
    // Validity counts for the grants both versions have; a new grant is listed as such anyway.
    const common = [...now].some((g) => old.has(g));
    if (common && after.validFrom < before.validFrom) widens.push(`validFrom ${after.validFrom}`);
    if (common && after.validTo > before.validTo) widens.push(`validTo ${after.validTo}`);
    if (common && after.validFrom > before.validFrom) narrows.push(`validFrom ${after.validFrom}`);
    if (common && after.validTo < before.validTo) narrows.push(`validTo ${after.validTo}`);
  }
  widens.push(...sorted([...now].filter((g) => !old.has(g))));
  narrows.push(...sorted([...old].filter((g) => !now.has(g))));
  return { widens, narrows };
}
