/**
 * The Cedar entities a decision needs, built once from the agreements: agencies, roles (whose
 * parents are the special-category clauses listing them) and data (category × owning agency);
 * and per decision the caller, with the body it acts for (a domestic agency or a foreign
 * authority, R14-2).
 */
import type { EntityJson } from "@cedar-policy/cedar-wasm/nodejs";
import {
  countryOfAuthority,
  isAgency,
  isForeignAuthorityId,
  SPECIAL_CATEGORIES,
  type DATA_CATEGORIES,
  type Principal,
} from "@hub/contracts";
import { consumerId, type Agreement } from "./agreements";
import { clauseId } from "./compileAgreements";

/** Categories whose fields carry no personal data (R5-3, R5-4, R14-1, R14-2 do not apply). */
export const NON_PERSONAL = ["REFERENCE", "AGGREGATE", "AUDIT"] as const;

export type DecidedCategory = (typeof DATA_CATEGORIES)[number] | "UNCLASSIFIED";

/**
 * What the entities read of a principal; nothing else of it reaches the engine (the decision
 * cache keys on exactly these, so a field added here is a field added to the key).
 */
export type CallerFacts = Pick<Principal, "subject" | "agency" | "role" | "country" | "purposes">;

type Uid = { type: string; id: string };
const uid = (type: string, id: string): Uid => ({ type: `Hub::${type}`, id });
export const roleId = (body: string, role: string) => `${body}/${role}`;
export const dataId = (owner: string, category: string) => `${owner}/${category}`;

export interface EntityCatalog {
  clauses: EntityJson[];
  /** Clause uids per role id (`BODY/role`, the body a domestic agency or a foreign authority id). */
  clausesOfRole: Map<string, Uid[]>;
  /** Clause uids per data id (`OWNER/CATEGORY`). */
  clausesOfData: Map<string, Uid[]>;
}

export function buildEntityCatalog(agreements: readonly Agreement[]): EntityCatalog {
  const clauses: EntityJson[] = [];
  const clausesOfRole = new Map<string, Uid[]>();
  const clausesOfData = new Map<string, Uid[]>();
  const push = (map: Map<string, Uid[]>, key: string, value: Uid) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const a of agreements) {
    for (const clause of a.specialCategories) {
      const ref = uid("Clause", clauseId(a.id, clause.category));
      clauses.push({ uid: ref, attrs: {}, parents: [] });
      for (const role of clause.roles) push(clausesOfRole, roleId(consumerId(a), role), ref);
      push(clausesOfData, dataId(a.provider, clause.category), ref);
    }
  }
  return { clauses, clausesOfRole, clausesOfData };
}

/**
 * The body whose agreements may apply to the caller: its domestic agency when the caller is of
 * the hub's country; its foreign authority when the caller is of that authority's country, outside
 * the hub's (R14-2). Any other combination (a domestic agency claimed from abroad, an "authority"
 * of the hub's own country) acts for no body and so matches no agreement.
 */
export function bodyOf(caller: CallerFacts, hubCountry: string): { kind: "agency" | "authority"; uid: Uid } | null {
  const { agency, country } = caller;
  if (isAgency(agency)) return country === hubCountry ? { kind: "agency", uid: uid("Agency", agency) } : null;
  if (isForeignAuthorityId(agency) && countryOfAuthority(agency) === country && country !== hubCountry) {
    return { kind: "authority", uid: uid("Authority", agency) };
  }
  return null;
}

export function entitiesFor(
  catalog: EntityCatalog,
  caller: CallerFacts,
  category: DecidedCategory,
  owner: string,
  hubCountry: string,
): EntityJson[] {
  const body = bodyOf(caller, hubCountry);
  const role = roleId(caller.agency, caller.role);
  const data = dataId(owner, category);
  // A caller acting for no body holds none of its roles' clauses either.
  const roleClauses = body ? (catalog.clausesOfRole.get(role) ?? []) : [];
  // Only the clauses this decision can reach: fewer entities, faster evaluation. Agencies have no
  // attributes, so none is listed: a caller is `in` its agency through its own parents.
  const reachable = new Set([...roleClauses, ...(catalog.clausesOfData.get(data) ?? [])].map((c) => c.id));
  return [
    ...catalog.clauses.filter((c) => reachable.has((c.uid as { id: string }).id)),
    ...(body?.kind === "authority" ? [{ uid: body.uid, attrs: { country: caller.country }, parents: [] }] : []),
    { uid: uid("Role", role), attrs: {}, parents: roleClauses },
    {
      uid: uid("Caller", caller.subject),
      attrs: {
        subject: caller.subject,
        agency: caller.agency,
        role: { __entity: uid("Role", role) },
        roleName: caller.role,
        country: caller.country,
        purposes: [...caller.purposes],
        ...(body?.kind === "authority" ? { authority: { __entity: body.uid } } : {}),
      },
      parents: body ? [body.uid] : [],
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

export const callerUid = (caller: Pick<CallerFacts, "subject">) => uid("Caller", caller.subject);
export const dataUid = (owner: string, category: DecidedCategory) => uid("Data", dataId(owner, category));
export const READ_ACTION = uid("Action", "read");
