/**
 * R5-6 over every path: for the Statistics Office (purposes OFFICIAL_STATISTICS and RESEARCH)
 * each root field of the composed schema is asked with everything reachable under it, through
 * nested entities and abstract types, and every field that is not AGGREGATE or REFERENCE must be
 * refused by name, so a field added later is covered without touching this test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from "graphql";
import { as, gql, repoRoot, world } from "../harness/fixtures";

const SERVED_TO_STATISTICS = new Set(["AGGREGATE", "REFERENCE"]);
/** Deep enough to reach a person through a crossing's document, not so deep that queries explode. */
const MAX_DEPTH = 4;

interface SchemaField {
  name: string;
  type: string;
  list: boolean;
  category: string | undefined;
  required: readonly InputValueDefinitionNode[];
  /** Takes a page size: asked for one, so that the cost limit is not what refuses the query. */
  paged: boolean;
}

/** Object and interface types of the supergraph with their fields' categories; unions with their members. */
function readSupergraph() {
  const document = parse(readFileSync(path.join(repoRoot, "contracts/supergraph.graphql"), "utf8"));
  const fields = new Map<string, SchemaField[]>();
  const possible = new Map<string, string[]>();
  const enums = new Map<string, string[]>();
  const inaccessible = (directives: readonly ConstDirectiveNode[] | undefined) =>
    (directives ?? []).some((d) => d.name.value === "inaccessible");
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      if (inaccessible(definition.directives)) continue;
      const own = (definition.fields ?? []).filter((f) => !inaccessible(f.directives)).map(schemaField);
      fields.set(definition.name.value, own);
      for (const i of definition.interfaces ?? []) {
        possible.set(i.name.value, [...(possible.get(i.name.value) ?? []), definition.name.value]);
      }
    } else if (definition.kind === Kind.UNION_TYPE_DEFINITION) {
      possible.set(
        definition.name.value,
        (definition.types ?? []).map((t) => t.name.value),
      );
    } else if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      enums.set(
        definition.name.value,
        (definition.values ?? []).map((v) => v.name.value),
      );
    }
  }
  return { fields, possible, enums };
}

function schemaField(node: FieldDefinitionNode): SchemaField {
  const category = node.directives
    ?.find((d) => d.name.value === "dataCategory")
    ?.arguments?.find((a) => a.name.value === "category")?.value;
  return {
    name: node.name.value,
    ...unwrap(node.type),
    category: category?.kind === Kind.ENUM ? category.value : undefined,
    required: (node.arguments ?? []).filter((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue),
    paged: (node.arguments ?? []).some((a) => a.name.value === "first"),
  };
}

function unwrap(type: TypeNode): { type: string; list: boolean } {
  if (type.kind === Kind.NAMED_TYPE) return { type: type.name.value, list: false };
  const inner = unwrap(type.type);
  return { type: inner.type, list: inner.list || type.kind === Kind.LIST_TYPE };
}

const schema = readSupergraph();

/** A well-formed value for each required argument, taken from the seeded world where it is a key. */
function argumentValue(argument: InputValueDefinitionNode): string {
  const w = world();
  const { type, list } = unwrap(argument.type);
  const keys: Record<string, string | undefined> = {
    personRef: w.persons[0]?.personRef,
    personRefs: w.persons[0]?.personRef,
    documentNumber: w.travelDocuments[0]?.documentNumber,
    nationalId: w.persons[0]?.nationalId,
    caseId: w.traffickingCases[0]?.caseId,
    applicationId: w.asylumApplications[0]?.applicationId,
    permitNumber: w.residencePermits[0]?.permitNumber,
    decisionId: w.returnDecisions[0]?.decisionId,
  };
  const key = keys[argument.name.value];
  let value: string;
  if (key !== undefined) value = JSON.stringify(key);
  else if (type === "Int") value = String(Number(w.asOf.slice(0, 4)) - 1);
  else if (schema.enums.has(type)) value = schema.enums.get(type)?.[0] ?? "";
  else if (type === "Boolean") value = "true";
  else value = JSON.stringify("AM");
  return list ? `[${value}]` : value;
}

function argumentsOf(field: SchemaField): string {
  const given = field.required.map((a) => `${a.name.value}: ${argumentValue(a)}`);
  if (field.paged && !field.required.some((a) => a.name.value === "first")) given.push("first: 1");
  return given.length === 0 ? "" : `(${given.join(", ")})`;
}

interface RootQuery {
  name: string;
  query: string;
  /** Sorted response paths the answer must refuse. */
  refused: string[];
}

interface Step {
  /** The field with its arguments, or `... on Type` for a member of an abstract type. */
  text: string;
  /** Response path at this step, and whether its field is refused. */
  path: readonly string[];
  refused: boolean;
}

const isRefused = (field: SchemaField) => field.category !== undefined && !SERVED_TO_STATISTICS.has(field.category);
const isComposite = (type: string) => schema.fields.has(type) || schema.possible.has(type);

/**
 * One query per object reached: the chain of fields from the root to it and its scalar fields.
 * Asking for the whole tree under a root at once can cost more than the limit allows, and then
 * the limit, not the policy, would answer.
 */
function queriesUnder(typeName: string, chain: readonly Step[], seen: ReadonlySet<string>): RootQuery[] {
  const at = chain[chain.length - 1]?.path ?? [];
  const members = schema.possible.get(typeName);
  if (members && !schema.fields.has(typeName)) {
    return members.flatMap((m) =>
      queriesUnder(m, [...chain, { text: `... on ${m}`, path: at, refused: false }], new Set([...seen, m])),
    );
  }
  const fields = schema.fields.get(typeName) ?? [];
  const leaves = fields.filter((f) => !isComposite(f.type));
  const queries: RootQuery[] = [];
  if (leaves.length > 0) {
    const refused = [
      ...chain.filter((s) => s.refused).map((s) => s.path.join(".")),
      ...leaves.filter(isRefused).map((f) => [...at, f.name].join(".")),
    ];
    const body = chain.reduceRight(
      (inner, step) => `${step.text} { ${inner} }`,
      ["__typename", ...leaves.map((f) => `${f.name}${argumentsOf(f)}`)].join(" "),
    );
    queries.push({ name: chain[0]?.path[0] ?? "", query: `{ ${body} }`, refused: [...new Set(refused)].sort() });
  }
  for (const field of fields.filter((f) => isComposite(f.type))) {
    if (seen.has(field.type) || at.length + 1 >= MAX_DEPTH) continue;
    const step = { text: `${field.name}${argumentsOf(field)}`, path: [...at, field.name], refused: isRefused(field) };
    queries.push(...queriesUnder(field.type, [...chain, step], new Set([...seen, field.type])));
  }
  return queries;
}

const rootQueries: RootQuery[] = (schema.fields.get("Query") ?? []).flatMap((root) => {
  const step = { text: `${root.name}${argumentsOf(root)}`, path: [root.name], refused: isRefused(root) };
  if (!isComposite(root.type)) {
    return [{ name: root.name, query: `{ ${step.text} }`, refused: step.refused ? [root.name] : [] }];
  }
  return queriesUnder(root.type, [step], new Set([root.type]));
});

describe("R5-6: the Statistics Office gets no record-level data through any path", () => {
  it("finds root fields of every agency in the composed schema", () => {
    expect(new Set(rootQueries.map((q) => q.name)).size).toBeGreaterThan(15);
    expect(rootQueries.filter((q) => q.refused.length > 0).map((q) => q.name)).toEqual(
      expect.arrayContaining(["person", "crossings", "travelDocument", "asylumApplication", "traffickingCase"]),
    );
  });

  it.each(["OFFICIAL_STATISTICS", "RESEARCH"])(
    "refuses every identifier, identity, special-category and other record-level field under %s",
    async (purpose) => {
      const statistician = { ...(await as("statistician")), purpose };
      for (const root of rootQueries.filter((q) => q.refused.length > 0)) {
        const res = await gql(root.query, statistician);
        const refusals = (res.body.errors ?? [])
          .filter((e) => e.extensions?.code === "FORBIDDEN")
          .map((e) => (e.path ?? []).join("."));
        const other = (res.body.errors ?? []).filter((e) => e.extensions?.code !== "FORBIDDEN").map((e) => e.message);
        expect({ query: root.query, status: res.status, data: res.body.data ?? null, other }).toEqual({
          query: root.query,
          status: 403,
          data: null,
          other: [],
        });
        expect({ query: root.query, refused: [...new Set(refusals)].sort() }).toEqual({
          query: root.query,
          refused: root.refused,
        });
        const identifying = (res.body.errors ?? []).filter((e) =>
          ["IDENTIFIER", "IDENTITY"].includes(String(e.extensions?.category)),
        );
        for (const error of identifying) expect(error.extensions?.rule).toBe("R5-6");
      }
    },
  );

  it("serves the aggregate and reference roots it is allowed whole, without a refusal", async () => {
    const statistician = await as("statistician");
    const allowed = rootQueries.filter((q) => q.refused.length === 0);
    expect(allowed.length).toBeGreaterThan(0);
    for (const root of allowed) {
      const res = await gql(root.query, statistician);
      const forbidden = (res.body.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN");
      expect({ root: root.name, forbidden }).toEqual({ root: root.name, forbidden: [] });
    }
  });
});
