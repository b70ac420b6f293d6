import { describe, expect, it } from "@jest/globals";
import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { collectSelections } from "../selections/collectSelections";
import { operationCost } from "./operationCost";

const SCHEMA = buildSchema(`
type Query {
  person(personRef: ID!): Person
  persons(personRefs: [ID!]!): [Person]
  crossings(personRef: ID, first: Int): [Crossing!]
  countries: [Country!]
  events(first: Int = 50): EventConnection!
}
type Person { personRef: ID! familyName: String crossings(first: Int): [Crossing!] bans: [Ban!] }
type Crossing { direction: String traveller: Person }
type Ban { reason: String }
type Country { code: ID! name: String }
type EventConnection { edges: [EventEdge!]! total: Int }
type EventEdge { cursor: String node: Event }
type Event { id: ID tags: [String!]! }
`);

const MODEL = { defaultPageSize: 50, assumedListSize: 10 };

function cost(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const { selections } = collectSelections(SCHEMA, new Map(), document, operation, variables);
  return operationCost(SCHEMA, selections, MODEL);
}

describe("operationCost", () => {
  it("counts each field once per resolution: 1 for a field outside any list", () => {
    expect(cost(`{ person(personRef: "p") { personRef familyName } }`)).toBe(3);
  });

  it("multiplies a list's subtree by its page size, written literally", () => {
    // crossings 1, direction 20, traveller 20, familyName 20
    expect(cost(`{ crossings(first: 20) { direction traveller { familyName } } }`)).toBe(61);
  });

  it("counts a page size passed in a variable like the same page written literally", () => {
    const literal = cost(`{ crossings(first: 100) { direction traveller { crossings(first: 100) { direction } } } }`);
    const variable = cost(
      `query ($n: Int) { crossings(first: $n) { direction traveller { crossings(first: $n) { direction } } } }`,
      { n: 100 },
    );
    expect(variable).toBe(literal);
    expect(variable).toBe(1 + 100 + 100 + 100 + 100 * 100);
  });

  it("counts a variable's default when the request leaves it out", () => {
    const query = `query ($n: Int = 80) { crossings(first: $n) { direction } }`;
    expect(cost(query)).toBe(81);
    expect(cost(query, { n: 5 })).toBe(6);
  });

  it("counts the default page of a paged field asked for without a page, and the schema's own default", () => {
    expect(cost(`{ crossings { direction } }`)).toBe(51);
    expect(cost(`query ($n: Int) { crossings(first: $n) { direction } }`, { n: null })).toBe(51);
    // events(first: Int = 50) hands its page to edges: 1 + 1 + 50 + 50 + 50, not ten times that.
    expect(cost(`{ events { edges { cursor node { id } } } }`)).toBe(152);
    expect(cost(`query ($n: Int) { events(first: $n) { edges { node { id } } total } }`, { n: 7 })).toBe(
      1 + 1 + 7 + 7 + 1,
    );
  });

  it("counts a list of keys by the number of keys, from a literal or a variable", () => {
    expect(cost(`{ persons(personRefs: ["a", "b", "c"]) { familyName } }`)).toBe(4);
    const refs = Array.from({ length: 40 }, (_, i) => `p${i}`);
    expect(cost(`query ($refs: [ID!]!) { persons(personRefs: $refs) { familyName bans { reason } } }`, { refs })).toBe(
      1 + 40 + 40 + 40 * 10,
    );
  });

  it("counts a list without page or keys (a person's bans, a code list) at the assumed size", () => {
    expect(cost(`{ person(personRef: "p") { bans { reason } } }`)).toBe(1 + 1 + 10);
    expect(cost(`{ countries { code name } }`)).toBe(21);
  });

  it("never lets a page below 1 lower the cost", () => {
    expect(cost(`{ crossings(first: -100) { direction traveller { familyName } } }`)).toBe(4);
  });

  it("counts what @include leaves in and not what @skip leaves out", () => {
    const query = `query ($deep: Boolean!) { crossings(first: 10) { direction traveller @include(if: $deep) { familyName } } }`;
    expect(cost(query, { deep: false })).toBe(11);
    expect(cost(query, { deep: true })).toBe(31);
  });

  it("counts each spread of a fragment", () => {
    const query = `{ a: crossings(first: 10) { ...C } b: crossings(first: 10) { ...C } } fragment C on Crossing { direction }`;
    expect(cost(query)).toBe(22);
  });
});
