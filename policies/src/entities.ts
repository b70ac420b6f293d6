/**
 * The Cedar entities a decision needs, built once from the agreements: agencies, roles (whose
 * parents are the special-category clauses listing them) and data (category × owning agency).
 */
import type { EntityJson } from "@cedar-policy/cedar-wasm/nodejs";
import { AGENCIES, type DATA_CATEGORIES, SPECIAL_CATEGORIES, type Principal } from "@hub/contracts";
import type { Agreement } from "./agreements";
import { clauseId } from "./compileAgreements";

/** Categories whose fields carry no personal data (R5-3, R5-4, R14-1 do not apply). */
export const NON_PERSONAL = ["REFERENCE", "AGGREGATE", "AUDIT"] as const;

export type DecidedCategory = (typeof DATA_CATEGORIES)[number] | "UNCLASSIFIED";

const uid = (type: string, id: string) => ({ type: `Hub::${type}`, id });
export const roleId = (agency: string, role: string) => `${agency}/${role}`;
export const dataId = (owner: string, category: string) => `${owner}/${category}`;

export interface EntityCatalog {
  clauses: EntityJson[];
  /** Clause uids per role id (`AGENCY/role`). */
  clausesOfRole: Map<string, { type: string; id: string }[]>;
  /** Clause uids per data id (`OWNER/CATEGORY`). */
  clausesOfData: Map<string, { type: string; id: string }[]>;
}

export function buildEntityCatalog(agreements: readonly Agreement[]): EntityCatalog {
  const clauses: EntityJson[] = [];
  const clausesOfRole = new Map<string, { type: string; id: string }[]>();
  const clausesOfData = new Map<string, { type: string; id: string }[]>();
  const push = (map: Map<string, { type: string; id: string }[]>, key: string, value: { type: string; id: string }) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  for (const a of agreements) {
    for (const clause of a.specialCategories) {
      const ref = uid("Clause", clauseId(a.id, clause.category));
      clauses.push({ uid: ref, attrs: {}, parents: [] });
      for (const role of clause.roles) push(clausesOfRole, roleId(a.consumer, role), ref);
      push(clausesOfData, dataId(a.provider, clause.category), ref);
    }
  }
  return { clauses, clausesOfRole, clausesOfData };
}

export function entitiesFor(
  catalog: EntityCatalog,
  principal: Principal,
  category: DecidedCategory,
  owner: string,
): EntityJson[] {
  const role = roleId(principal.agency, principal.role);
  const data = dataId(owner, category);
  // Only the clauses this decision can reach: fewer entities, faster evaluation.
  const reachable = new Set(
    [...(catalog.clausesOfRole.get(role) ?? []), ...(catalog.clausesOfData.get(data) ?? [])].map((c) => c.id),
  );
  return [
    ...catalog.clauses.filter((c) => reachable.has((c.uid as { id: string }).id)),
    ...AGENCIES.map((agency) => ({ uid: uid("Agency", agency), attrs: {}, parents: [] })),
    { uid: uid("Role", role), attrs: {}, parents: catalog.clausesOfRole.get(role) ?? [] },
    {
      uid: uid("Caller", principal.subject),
      attrs: {
        subject: principal.subject,
        agency: principal.agency,
        role: { __entity: uid("Role", role) },
        roleName: principal.role,
        country: principal.country,
        purposes: [...principal.purposes],
      },
      parents: [uid("Agency", principal.agency)],
    },
    {
      uid: uid("Data", data),
      attrs: {
        category,
        owner,
        special: (SPECIAL_CATEGORIES as readonly string[]).includes(category),
        personal: !(NON_PERSONAL as readonly string[]).includes(category),
        clauses: (catalog.clausesOfData.get(data) ?? []).map((ref) => ({ __entity: ref })),
      },
      parents: [],
    },
  ];
}

export const callerUid = (principal: Principal) => uid("Caller", principal.subject);
export const dataUid = (owner: string, category: DecidedCategory) => uid("Data", dataId(owner, category));
export const READ_ACTION = uid("Action", "read");
