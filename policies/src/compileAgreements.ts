/**
 * Compiles each agreement into Cedar permit policies whose ids are the agreement's id (and
 * `<id>/<CATEGORY>` for each special-category clause), so that a decision names the agreement
 * that granted it and auditors can read the compiled set (`npm run policies -- print`).
 */
import { consumerId, type Agreement } from "./agreements";

const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;
const annotation = (value: string) => JSON.stringify(value.replace(/[\r\n]+/g, " "));

/**
 * Whom the permit admits. A domestic agency's callers are of the hub's country; a foreign
 * authority's callers are of the country the agreement names (R14-2). The country test repeats in
 * the policy text what the entities already say (only such callers are `in` the body), so that an
 * auditor reading the compiled permit sees it.
 */
function recipient(a: Agreement): { scope: string; country: string } {
  if (typeof a.consumer === "string") {
    return { scope: `Hub::Agency::${JSON.stringify(a.consumer)}`, country: "context.hubCountry" };
  }
  return {
    scope: `Hub::Authority::${JSON.stringify(consumerId(a))}`,
    country: JSON.stringify(a.consumer.country),
  };
}

function permit(a: Agreement, id: string, categoryTest: string, roles: readonly string[]): string {
  const { scope, country } = recipient(a);
  return [
    `@id(${annotation(id)})`,
    `@agreement(${annotation(a.id)})`,
    `@article(${annotation(typeof a.consumer === "string" ? "108+ Art. 5(2), 5(4)(b)" : "108+ Art. 5(2), 5(4)(b), 14(1), 14(4)")})`,
    `@legalBasis(${annotation(a.legalBasis)})`,
    `@description(${annotation(a.title)})`,
    `permit (principal in ${scope}, action == Hub::Action::"read", resource)`,
    "when {",
    `  principal.country == ${country} &&`,
    `  resource.owner == ${JSON.stringify(a.provider)} &&`,
    `  ${list(a.purposes)}.contains(context.purpose) &&`,
    `  ${list(roles)}.contains(principal.roleName) &&`,
    `  ${categoryTest} &&`,
    `  context.now >= datetime(${JSON.stringify(a.validFrom)}) &&`,
    `  context.now <= datetime(${JSON.stringify(a.validTo)})`,
    "};",
  ].join("\n");
}

/** Clause id of a special-category clause: `<agreement id>/<CATEGORY>`. */
export const clauseId = (agreementId: string, category: string) => `${agreementId}/${category}`;

export function compileAgreement(a: Agreement): Record<string, string> {
  const policies: Record<string, string> = {};
  if (a.categories.length > 0) {
    policies[a.id] = permit(a, a.id, `${list(a.categories)}.contains(resource.category)`, a.roles);
  }
  for (const clause of a.specialCategories) {
    const id = clauseId(a.id, clause.category);
    policies[id] = permit(a, id, `resource.category == ${JSON.stringify(clause.category)}`, clause.roles);
  }
  return policies;
}
