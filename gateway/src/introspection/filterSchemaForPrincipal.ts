/**
 * The API schema as one principal may see it (introspection, the explorer's docs): only the
 * fields its agreements could ever allow, for at least one of the purposes its token holds.
 */
import { MapperKind, mapSchema, pruneSchema } from "@graphql-tools/utils";
import {
  getNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLInterfaceType,
} from "graphql";
import type { Principal } from "@hub/contracts";
import type { PolicyDecisionPoint } from "@hub/policies";
import { fieldKey, type FieldCatalog } from "../fields/FieldCatalog";

/** Federation's entry points: the API schema has none, and no caller's schema ever shows them. */
const FEDERATION_FIELDS = new Set(["_entities", "_service"]);

/**
 * Could any request of this principal be allowed the field? Yes if, for one of its purposes,
 * every owner allows the field's category. Decided as for a keyed request (R5-3 depends on the
 * arguments, not on the schema) and, for criminal investigations, with an authorisation valid
 * today (R11-1 depends on the request's reference, not on the agreements).
 */
export function couldEverBeAllowed(
  pdp: PolicyDecisionPoint,
  catalog: FieldCatalog,
  principal: Principal,
  typeName: string,
  fieldName: string,
  today: string,
): boolean {
  if (FEDERATION_FIELDS.has(fieldName)) return false;
  const info = catalog.get(fieldKey(typeName, fieldName));
  // As in the guard: a field no subgraph claims or classifies is decided as such (R10-1).
  const owners = info && info.owners.length > 0 ? info.owners : ["UNKNOWN"];
  const category = info?.category ?? "UNCLASSIFIED";
  return principal.purposes.some((purpose) =>
    owners.every(
      (owner) =>
        pdp.decide({
          principal,
          purpose,
          category,
          owner,
          unkeyedList: false,
          today,
          ...(purpose === "CRIMINAL_INVESTIGATION" ? { authorizationUntil: today } : {}),
        }).allowed,
    ),
  );
}

type FieldHolder = GraphQLObjectType | GraphQLInterfaceType;

/**
 * The visible fields per object and interface type, and the types that disappear: a type left
 * without fields goes, and so does every field returning a type that went, until nothing changes.
 */
function visibleFields(schema: GraphQLSchema, allowed: (typeName: string, fieldName: string) => boolean) {
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith("__"));
  const holders = types.filter((t): t is FieldHolder => isObjectType(t) || isInterfaceType(t));
  const unions = types.filter(isUnionType);
  const visible = new Map(
    holders.map((t) => [t.name, new Set(Object.keys(t.getFields()).filter((f) => allowed(t.name, f)))]),
  );
  const gone = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const union of unions) {
      if (!gone.has(union.name) && union.getTypes().every((member) => gone.has(member.name))) {
        gone.add(union.name);
        changed = true;
      }
    }
    for (const type of holders) {
      const names = visible.get(type.name);
      if (!names || gone.has(type.name)) continue;
      for (const name of names) {
        const field = type.getFields()[name];
        // An interface shows a field only where every remaining implementation shows it too.
        const hiddenByImplementation =
          isInterfaceType(type) &&
          schema.getPossibleTypes(type).some((impl) => !gone.has(impl.name) && !visible.get(impl.name)?.has(name));
        if (!field || gone.has(getNamedType(field.type).name) || hiddenByImplementation) {
          names.delete(name);
          changed = true;
        }
      }
      if (names.size === 0) {
        gone.add(type.name);
        changed = true;
      }
    }
  }
  return { visible, gone };
}

export function filterSchemaForPrincipal(
  schema: GraphQLSchema,
  catalog: FieldCatalog,
  pdp: PolicyDecisionPoint,
  principal: Principal,
  today: string,
): GraphQLSchema {
  const { visible, gone } = visibleFields(schema, (typeName, fieldName) =>
    couldEverBeAllowed(pdp, catalog, principal, typeName, fieldName, today),
  );
  const query = schema.getQueryType();
  if (!query || gone.has(query.name)) {
    // A caller who may see nothing gets an empty Query rather than an error: graphql-js rejects
    // an object type without fields, so this one schema skips validation.
    return new GraphQLSchema({
      query: new GraphQLObjectType({ name: query?.name ?? "Query", fields: {} }),
      assumeValid: true,
    });
  }
  const filtered = mapSchema(schema, {
    [MapperKind.TYPE]: (type) => (gone.has(type.name) ? null : type),
    [MapperKind.COMPOSITE_FIELD]: (field, fieldName, typeName) =>
      visible.get(typeName)?.has(fieldName) ? field : null,
  });
  // What the remaining fields no longer reach (enums, scalars, input types) goes as well.
  return pruneSchema(filtered);
}
