/** Each caller's introspection shows only the fields its agreements can ever allow. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { SPECIAL_CATEGORIES } from "@hub/contracts";
import { as, gql, personaToken, repoRoot } from "../harness/fixtures";

const SCHEMA_QUERY = `{
  __schema {
    queryType { fields { name } }
    types { name fields { name } }
  }
}`;
const PERSON_FIELDS = `{ __type(name: "Person") { name fields { name } } }`;

interface IntrospectedType {
  name: string;
  fields: { name: string }[] | null;
}
interface SchemaAnswer {
  __schema: { queryType: { fields: { name: string }[] }; types: IntrospectedType[] };
}

/**
 * `Type.field` of every special-category field, read line by line from the supergraph as
 * composition prints it (a field's `@dataCategory` ends its definition, arguments may span lines).
 */
function specialFields(): Set<string> {
  const sdl = readFileSync(path.join(repoRoot, "contracts", "supergraph.graphql"), "utf8");
  const special = new Set<string>();
  let typeName = "";
  let fieldName = "";
  for (const line of sdl.split("\n")) {
    const type = /^type (\w+)/.exec(line)?.[1];
    if (type) typeName = type;
    fieldName = /^ {2}(\w+)\s*[(:]/.exec(line)?.[1] ?? fieldName;
    const category = /@dataCategory\(category: (\w+)\)/.exec(line)?.[1];
    if (category && (SPECIAL_CATEGORIES as readonly string[]).includes(category)) {
      special.add(`${typeName}.${fieldName}`);
    }
  }
  return special;
}

const fieldNames = (body: { data?: Record<string, unknown> | null }) =>
  ((body.data?.__type as IntrospectedType | null)?.fields ?? []).map((f) => f.name);

describe("introspection per principal", () => {
  it("shows the statistician aggregates and code lists, and never a special-category field", async () => {
    const res = await gql(SCHEMA_QUERY, await as("statistician"));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const schema = (res.body.data as unknown as SchemaAnswer).__schema;
    const rootFields = schema.queryType.fields.map((f) => f.name);
    expect(rootFields).toEqual(expect.arrayContaining(["observations", "indicators", "countries"]));
    expect(rootFields).not.toContain("person");
    expect(rootFields).not.toContain("crossings");
    const typeNames = schema.types.map((t) => t.name);
    for (const name of ["Person", "AsylumApplication", "TraffickingCase", "DeporteeScreening"]) {
      expect(typeNames).not.toContain(name);
    }
    const special = specialFields();
    expect([...special]).toEqual(
      expect.arrayContaining([
        "Query.asylumApplications",
        "Person.asylumApplications",
        "DeporteeScreening.healthNeeds",
      ]),
    );
    const visible = schema.types.flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    expect(visible.filter((key) => special.has(key))).toEqual([]);
    expect(typeNames).not.toContain("_Service");
    expect(rootFields).not.toContain("_entities");
  });

  it("answers null for a type the statistician can never read", async () => {
    const res = await gql(PERSON_FIELDS, await as("statistician"));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __type: null } });
  });

  it("shows the border officer the protection flag but not the asylum applications", async () => {
    const res = await gql(PERSON_FIELDS, await as("border-officer"));
    expect(res.status).toBe(200);
    expect(fieldNames(res.body)).toContain("isProtectionHolder");
    expect(fieldNames(res.body)).not.toContain("asylumApplications");
  });

  it("shows the asylum officer the asylum applications", async () => {
    const res = await gql(PERSON_FIELDS, await as("asylum-officer"));
    expect(res.status).toBe(200);
    expect(fieldNames(res.body)).toContain("asylumApplications");
  });

  it("shows the same schema whichever of the token's purposes is declared", async () => {
    const token = await personaToken("border-officer");
    const check = await gql(PERSON_FIELDS, { token, purpose: "BORDER_CHECK" });
    const returns = await gql(PERSON_FIELDS, { token, purpose: "RETURN_ENFORCEMENT" });
    expect(returns.body).toEqual(check.body);
  });

  it("requires authentication and a purpose like every request", async () => {
    const anonymous = await gql(PERSON_FIELDS, { purpose: "OFFICIAL_STATISTICS" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const noPurpose = await gql(PERSON_FIELDS, { token: await personaToken("statistician") });
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.errors?.[0]?.extensions?.code).toBe("PURPOSE_REQUIRED");
  });

  it("decides an operation that mixes introspection and data on the normal path", async () => {
    const allowed = await gql(`{ __typename countries { code } }`, await as("statistician"));
    expect(allowed.status).toBe(200);
    expect(allowed.body.data?.__typename).toBe("Query");
    expect((allowed.body.data?.countries as unknown[]).length).toBeGreaterThan(0);
    const denied = await gql(`{ __typename person(personRef: "x") { personRef } }`, await as("statistician"));
    expect(denied.status).toBe(403);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("answers the schema questions of an operation that also asks for data from the caller's schema", async () => {
    const res = await gql(
      `{ countries { code } person: __type(name: "Person") { name } __schema { types { name } } }`,
      await as("statistician"),
    );
    expect(res.status).toBe(200);
    expect((res.body.data?.countries as unknown[]).length).toBeGreaterThan(0);
    expect(res.body.data?.person).toBeNull();
    const types = (res.body.data?.__schema as { types: { name: string }[] }).types.map((t) => t.name);
    expect(types).toContain("Observation");
    expect(types).not.toContain("Person");
  });
});
