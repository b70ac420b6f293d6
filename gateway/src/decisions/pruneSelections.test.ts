import { describe, expect, it } from "@jest/globals";
import { buildSchema, parse, print, type OperationDefinitionNode } from "graphql";
import { buildFieldCatalog } from "../fields/FieldCatalog";
import { collectSelections } from "../selections/collectSelections";
import { pruneSelections } from "./pruneSelections";

const schema = buildSchema(`
  type Query { person(personRef: ID!): Person crossings: [Crossing!]! }
  type Person { personRef: ID! familyName: String asylum: Asylum isProtectionHolder: Boolean crossings: [Crossing!]! }
  type Asylum { grounds: [String!]! outcome: String }
  type Crossing { direction: String traveller: Person }
`);
const catalog = buildFieldCatalog("type Query { x: String }");

/** Prunes the selections at the given response paths (dotted), and prints what is left. */
const prune = (query: string, deniedPaths: string[], variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  const collected = collectSelections(schema, catalog, document, operation, variables);
  const denied = collected.selections.filter((s) => deniedPaths.includes(s.path.join(".")));
  expect(denied.length).toBeGreaterThan(0);
  const result = pruneSelections(collected.operation, new Set(denied.map((s) => s.node)));
  return result ? print(result.document).replace(/\s+/g, " ").trim() : null;
};

describe("pruneSelections (partial mode)", () => {
  it("removes a denied selection and keeps the allowed ones", () => {
    expect(
      prune(`{ person(personRef: "x") { familyName asylum { grounds } isProtectionHolder } }`, ["person.asylum"]),
    ).toBe(`{ person(personRef: "x") { familyName isProtectionHolder } }`);
  });

  it("keeps an allowed alias of the same field", () => {
    expect(prune(`{ person(personRef: "x") { a: asylum { grounds } b: asylum { outcome } } }`, ["person.a"])).toBe(
      `{ person(personRef: "x") { b: asylum { outcome } } }`,
    );
  });

  it("removes a fragment's field in one place it is spread and keeps it in the other", () => {
    const query = `
      query Q { person(personRef: "x") { ...F crossings { traveller { ...F } } } }
      fragment F on Person { asylum { outcome } familyName }`;
    const pruned = prune(query, ["person.crossings.traveller.asylum"]);
    expect(pruned).toBe(
      `query Q { person(personRef: "x") { ... on Person { asylum { outcome } familyName } crossings { traveller { ... on Person { familyName } } } } }`,
    );
  });

  it("removes a parent whose selection becomes empty, with its inline fragment", () => {
    const query = `{ person(personRef: "x") { familyName ...G } } fragment G on Person { asylum { grounds } }`;
    expect(prune(query, ["person.asylum.grounds"])).toBe(`{ person(personRef: "x") { familyName } }`);
  });

  it("drops variables only the removed selections used", () => {
    const query = `query Q($p: ID!, $q: ID!) { a: person(personRef: $p) { familyName } b: person(personRef: $q) { familyName } }`;
    expect(prune(query, ["b"], { p: "x", q: "y" })).toBe(
      `query Q($p: ID!) { a: person(personRef: $p) { familyName } }`,
    );
  });

  it("answers null when nothing is left to execute", () => {
    expect(prune(`{ person(personRef: "x") { asylum { grounds } } }`, ["person.asylum"])).toBeNull();
  });
});
