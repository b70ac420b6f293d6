/**
 * Filtered API schemas, built once per principal profile: every caller with the same attributes
 * (all but subject and assigned cases) sees the same schema under one policy version on one day.
 */
import type { GraphQLSchema } from "graphql";
import type { Principal } from "@hub/contracts";
import type { PolicyDecisionPoint } from "@hub/policies";
import type { FieldCatalog } from "../fields/FieldCatalog";
import { filterSchemaForPrincipal } from "./filterSchemaForPrincipal";

/** Profiles come from the identity provider's tokens; the bound only guards against a flood. */
const CACHE_LIMIT = 1_000;
const utcDay = () => new Date().toISOString().slice(0, 10);

export class IntrospectionSchemas {
  /** Per API schema (the gateway's may be replaced), so a stale one is never served. */
  private cache = new WeakMap<GraphQLSchema, Map<string, GraphQLSchema>>();
  private day = "";

  constructor(
    private readonly catalog: FieldCatalog,
    private readonly pdp: PolicyDecisionPoint,
    /** Decision date, YYYY-MM-DD: agreements start and end on a day, so a new day starts afresh. */
    private readonly today: () => string = utcDay,
  ) {}

  schemaFor(schema: GraphQLSchema, principal: Principal): GraphQLSchema {
    const today = this.today();
    if (today !== this.day) {
      this.cache = new WeakMap();
      this.day = today;
    }
    // Every attribute of the principal but who it is: a new attribute can never be left out of the key.
    const { subject: _subject, cases: _cases, ...profile } = principal;
    const attributes = Object.entries(profile)
      .map(([name, value]) => [name, Array.isArray(value) ? [...(value as string[])].sort() : value] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const key = JSON.stringify([attributes, this.pdp.version]);
    let profiles = this.cache.get(schema);
    if (!profiles) {
      profiles = new Map();
      this.cache.set(schema, profiles);
    }
    const cached = profiles.get(key);
    if (cached) return cached;
    const filtered = filterSchemaForPrincipal(schema, this.catalog, this.pdp, principal, today);
    if (profiles.size >= CACHE_LIMIT) profiles.clear();
    profiles.set(key, filtered);
    return filtered;
  }
}
