import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ApolloGateway } from "@apollo/gateway";
import {
  execute,
  extendSchema,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  parse,
  validateSchema,
  type GraphQLObjectType,
} from "graphql";
import { SPECIAL_CATEGORIES, type Principal } from "@hub/contracts";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { PERSONAS, PERSONA_NAMES, type PersonaName } from "../auth/personas";
import { buildFieldCatalog, fieldKey } from "../fields/FieldCatalog";
import { couldEverBeAllowed, filterSchemaForPrincipal } from "./filterSchemaForPrincipal";
import { IntrospectionSchemas } from "./IntrospectionSchemas";

const repoRoot = path.resolve(__dirname, "../../..");
const supergraphSdl = readFileSync(path.join(repoRoot, "contracts", "supergraph.graphql"), "utf8");
const catalog = buildFieldCatalog(supergraphSdl);
const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(repoRoot), "AM");
const TODAY = "2026-03-02";

const principal = (persona: PersonaName, overrides: Partial<Principal> = {}): Principal => ({
  subject: PERSONAS[persona].subject,
  agency: PERSONAS[persona].agency,
  role: PERSONAS[persona].role,
  purposes: [...PERSONAS[persona].purposes],
  country: "AM",
  cases: [],
  ...overrides,
});

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const gateway = new ApolloGateway({ supergraphSdl, logger: silent });
let api: GraphQLSchema;

beforeAll(async () => {
  await gateway.load();
  if (!gateway.schema) throw new Error("the gateway built no API schema");
  api = gateway.schema;
});
afterAll(() => gateway.stop());

const filtered = (persona: PersonaName, overrides: Partial<Principal> = {}) =>
  filterSchemaForPrincipal(api, catalog, pdp, principal(persona, overrides), TODAY);

const fieldsOf = (schema: GraphQLSchema, typeName: string): string[] => {
  const type = schema.getType(typeName);
  return type && (isObjectType(type) || isInterfaceType(type)) ? Object.keys(type.getFields()) : [];
};

/** Every `Type.field` of a schema, introspection types aside. */
const allFields = (schema: GraphQLSchema): string[] =>
  Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith("__"))
    .flatMap((t) => Object.keys(t.getFields()).map((f) => fieldKey(t.name, f)));

describe("filterSchemaForPrincipal", () => {
  it("shows the Statistics Office its aggregates and code lists, and no personal or special field", () => {
    const schema = filtered("statistician");
    expect(fieldsOf(schema, "Query")).toEqual(
      expect.arrayContaining(["observations", "indicators", "countries", "migrationProfile", "crossingPoints"]),
    );
    expect(fieldsOf(schema, "Query")).not.toContain("person");
    expect(fieldsOf(schema, "Query")).not.toContain("crossings");
    for (const typeName of ["Person", "AsylumApplication", "TraffickingCase", "DeporteeScreening", "BorderCrossing"]) {
      expect(schema.getType(typeName)).toBeUndefined();
    }
    const categories = allFields(schema).map((key) => catalog.get(key)?.category);
    expect(categories.every((c) => c === "AGGREGATE" || c === "REFERENCE")).toBe(true);
    expect(categories.some((c) => (SPECIAL_CATEGORIES as readonly (string | null | undefined)[]).includes(c))).toBe(
      false,
    );
  });

  it("shows the border officer the protection flag but not the asylum applications (R6-3)", () => {
    const schema = filtered("border-officer");
    expect(fieldsOf(schema, "Person")).toEqual(
      expect.arrayContaining(["personRef", "isProtectionHolder", "crossings"]),
    );
    expect(fieldsOf(schema, "Person")).not.toContain("asylumApplications");
    expect(fieldsOf(schema, "Person")).not.toContain("traffickingCases");
    expect(fieldsOf(schema, "Person")).not.toContain("residencePermits");
    expect(schema.getType("AsylumApplication")).toBeUndefined();
    expect(schema.getType("AsylumGround")).toBeUndefined();
  });

  it("shows the asylum officer the asylum applications and their grounds", () => {
    const schema = filtered("asylum-officer");
    expect(fieldsOf(schema, "Person")).toContain("asylumApplications");
    expect(fieldsOf(schema, "AsylumApplication")).toEqual(expect.arrayContaining(["grounds", "outcome"]));
    expect(schema.getType("AsylumGround")).toBeDefined();
    expect(fieldsOf(schema, "Person")).not.toContain("traffickingCases");
  });

  it("shows an investigator what a valid authorisation would allow (R11-1 depends on the request)", () => {
    expect(fieldsOf(filtered("border-investigator"), "Person")).toContain("residencePermits");
  });

  it("decides every purpose of the token: a purpose alone shows less", () => {
    const both = fieldsOf(filtered("border-investigator"), "Person");
    const borderCheckOnly = fieldsOf(filtered("border-investigator", { purposes: ["BORDER_CHECK"] }), "Person");
    expect(borderCheckOnly).not.toContain("residencePermits");
    expect(both.length).toBeGreaterThan(borderCheckOnly.length);
  });

  it("hides personal data from a caller whose country has no adequate regime (R14-1)", () => {
    const schema = filtered("border-officer", { country: "ZZ" });
    expect(schema.getType("Person")).toBeUndefined();
    expect(fieldsOf(schema, "Query")).toContain("crossingPoints");
  });

  it("keeps every persona's schema valid and shows only fields the policies could allow", () => {
    for (const persona of PERSONA_NAMES) {
      const schema = filtered(persona);
      const strict = new GraphQLSchema({ ...schema.toConfig(), assumeValid: false });
      expect({ persona, errors: validateSchema(strict).map((e) => e.message) }).toEqual({ persona, errors: [] });
      for (const key of allFields(schema)) {
        const [typeName = "", fieldName = ""] = key.split(".");
        expect({
          key,
          allowed: couldEverBeAllowed(pdp, catalog, principal(persona), typeName, fieldName, TODAY),
        }).toEqual({ key, allowed: true });
      }
      expect(schema.getType("DataCategory")).toBeUndefined();
      expect(schema.getType("join__Graph")).toBeUndefined();
    }
  });

  it("never shows federation's entry points", () => {
    const withFederation = extendSchema(
      api,
      parse(`
        scalar _Any
        type _Service { sdl: String }
        union _Entity = Person
        extend type Query { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! }
      `),
    );
    const schema = filterSchemaForPrincipal(withFederation, catalog, pdp, principal("asylum-officer"), TODAY);
    expect(fieldsOf(schema, "Query")).not.toContain("_service");
    expect(fieldsOf(schema, "Query")).not.toContain("_entities");
    for (const typeName of ["_Any", "_Service", "_Entity"]) expect(schema.getType(typeName)).toBeUndefined();
  });

  it("gives a caller who may see nothing an empty Query that still answers introspection", async () => {
    const schema = filtered("statistician", { purposes: [] });
    const result = await execute({ schema, document: parse(`{ __schema { queryType { fields { name } } } }`) });
    expect(result).toEqual({ data: { __schema: { queryType: { fields: [] } } } });
  });
});

describe("IntrospectionSchemas", () => {
  it("builds one schema per principal profile, policy version and day", () => {
    let day = TODAY;
    const schemas = new IntrospectionSchemas(catalog, pdp, () => day);
    const first = schemas.schemaFor(api, principal("border-officer"));
    expect(schemas.schemaFor(api, principal("border-officer", { subject: "officer-0999" }))).toBe(first);
    expect(
      schemas.schemaFor(api, principal("border-officer", { purposes: ["RETURN_ENFORCEMENT", "BORDER_CHECK"] })),
    ).toBe(first);
    expect(schemas.schemaFor(api, principal("border-officer", { purposes: ["BORDER_CHECK"] }))).not.toBe(first);
    expect(schemas.schemaFor(api, principal("border-officer", { country: "GE" }))).not.toBe(first);
    day = "2026-03-03";
    expect(schemas.schemaFor(api, principal("border-officer"))).not.toBe(first);
  });
});
