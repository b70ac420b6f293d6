import { describe, expect, it } from "@jest/globals";
import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { buildFieldCatalog } from "../fields/FieldCatalog";
import { collectSelections, OperationTooLargeError } from "./collectSelections";
import { fragmentBomb } from "./fragmentBomb";

// A supergraph in miniature: categories and owners as composition writes them.
const SUPERGRAPH = `
type Query {
  person(personRef: ID!): Person @join__field(graph: MIGRATION_SERVICE) @dataCategory(category: IDENTITY)
  crossings(personRef: ID, first: Int = 50): [Crossing!]! @join__field(graph: BORDER_POLICE) @dataCategory(category: TRAVEL)
  search: [Hit!]! @join__field(graph: MIGRATION_SERVICE) @dataCategory(category: IDENTITY)
}
type Person @join__type(graph: BORDER_POLICE, key: "personRef") @join__type(graph: MIGRATION_SERVICE, key: "personRef") {
  personRef: ID! @dataCategory(category: IDENTIFIER)
  familyName: String @join__field(graph: MIGRATION_SERVICE) @dataCategory(category: IDENTITY)
  asylum: Asylum @join__field(graph: MIGRATION_SERVICE) @dataCategory(category: ASYLUM)
  crossings: [Crossing!]! @join__field(graph: BORDER_POLICE) @dataCategory(category: TRAVEL)
  secret: String @join__field(graph: BORDER_POLICE)
}
type Asylum @join__type(graph: MIGRATION_SERVICE) {
  grounds: [String!]! @dataCategory(category: ASYLUM)
}
type Crossing @join__type(graph: BORDER_POLICE) {
  direction: String @dataCategory(category: TRAVEL)
  traveller: Person @dataCategory(category: IDENTIFIER)
}
union Hit = Person | Crossing
`;

const API = buildSchema(`
type Query { person(personRef: ID!): Person search: [Hit!]! crossings(personRef: ID, first: Int = 50): [Crossing!]! }
type Person { personRef: ID! familyName: String asylum: Asylum crossings: [Crossing!]! secret: String }
type Asylum { grounds: [String!]! }
type Crossing { direction: String traveller: Person }
union Hit = Person | Crossing
`);

const catalog = buildFieldCatalog(SUPERGRAPH);

function collect(query: string, variables: Record<string, unknown> = {}, maxInlinedNodes?: number) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  return collectSelections(API, catalog, document, operation, variables, maxInlinedNodes);
}

function touched(query: string, variables: Record<string, unknown> = {}) {
  return collect(query, variables).selections.map(
    (f) => `${f.path.join(".")} ${f.typeName}.${f.fieldName} ${f.category} ${f.owners.join("+")}`,
  );
}

describe("collectSelections", () => {
  it("lists fields with category and owning subgraph, under their aliases", () => {
    expect(touched(`{ p: person(personRef: "x") { name: familyName crossings { direction } } }`)).toEqual([
      "p Query.person IDENTITY MIGRATION_SERVICE",
      "p.name Person.familyName IDENTITY MIGRATION_SERVICE",
      "p.crossings Person.crossings TRAVEL BORDER_POLICE",
      "p.crossings.direction Crossing.direction TRAVEL BORDER_POLICE",
    ]);
  });

  it("finds a special-category field behind a named fragment, an inline fragment and a nested entity", () => {
    const query = `
      query {
        person(personRef: "x") {
          ...Grounds
          crossings { traveller { ... on Person { asylum { grounds } } } }
        }
      }
      fragment Grounds on Person { asylum { grounds } }`;
    const asylum = touched(query).filter((line) => line.includes("ASYLUM"));
    expect(asylum).toEqual([
      "person.asylum Person.asylum ASYLUM MIGRATION_SERVICE",
      "person.asylum.grounds Asylum.grounds ASYLUM MIGRATION_SERVICE",
      "person.crossings.traveller.asylum Person.asylum ASYLUM MIGRATION_SERVICE",
      "person.crossings.traveller.asylum.grounds Asylum.grounds ASYLUM MIGRATION_SERVICE",
    ]);
  });

  it("follows the members of a union and ignores __typename", () => {
    expect(touched(`{ search { __typename ... on Person { personRef } ... on Crossing { direction } } }`)).toEqual([
      "search Query.search IDENTITY MIGRATION_SERVICE",
      "search.personRef Person.personRef IDENTIFIER BORDER_POLICE+MIGRATION_SERVICE",
      "search.direction Crossing.direction TRAVEL BORDER_POLICE",
    ]);
  });

  it("reports a field without a category as unclassified", () => {
    expect(touched(`{ person(personRef: "x") { secret } }`)).toContain(
      "person.secret Person.secret null BORDER_POLICE",
    );
  });

  it("survives a fragment that spreads itself", () => {
    const query = `{ person(personRef: "x") { ...A } } fragment A on Person { personRef ...A }`;
    expect(touched(query)).toHaveLength(2);
  });

  it("gives each place a fragment is spread its own selection node", () => {
    const query = `{ a: person(personRef: "x") { ...F } b: person(personRef: "y") { ...F } } fragment F on Person { familyName }`;
    const names = collect(query).selections.filter((s) => s.fieldName === "familyName");
    expect(names.map((s) => s.path.join("."))).toEqual(["a.familyName", "b.familyName"]);
    expect(names[0]?.node).not.toBe(names[1]?.node);
  });

  it("reads argument values after variables and defaults are applied", () => {
    const { selections } = collect(`query Q($p: ID, $f: Int) { crossings(personRef: $p, first: $f) { direction } }`, {
      p: "",
    });
    // An unset variable leaves the argument to its default, as execution will.
    expect(selections[0]?.arguments).toEqual({ personRef: "", first: 50 });
    const defaults = collect(`{ crossings { direction } }`).selections[0]?.arguments;
    expect(defaults).toEqual({ first: 50 });
  });

  it("leaves out what @skip and @include leave out, with literals and variables", () => {
    const query = `query Q($no: Boolean!) { person(personRef: "x") { familyName @skip(if: true) asylum @include(if: $no) { grounds } ... on Person @include(if: $no) { crossings { direction } } personRef } }`;
    expect(touched(query, { no: false })).toEqual([
      "person Query.person IDENTITY MIGRATION_SERVICE",
      "person.personRef Person.personRef IDENTIFIER BORDER_POLICE+MIGRATION_SERVICE",
    ]);
    expect(touched(query, { no: true })).toHaveLength(6);
  });

  it("refuses variables that do not coerce as the caller's input error", () => {
    expect(() => collect(`query Q($p: ID!) { person(personRef: $p) { familyName } }`)).toThrow(/\$p/);
  });

  it("refuses an operation whose fragments, inlined, would hold more nodes than allowed, without inlining them", () => {
    // 10^5 copies of personRef from a document of a few dozen tokens.
    const small = fragmentBomb(`person(personRef: "x") { % }`, "Person", "personRef", 10, 6);
    expect(() => collect(small, {}, 20_000)).toThrow(OperationTooLargeError);
    // 50^6 copies: inlining them would exhaust the process's memory; counting them takes no time.
    const started = Date.now();
    const huge = fragmentBomb(`person(personRef: "x") { % }`, "Person", "personRef", 50, 7);
    expect(() => collect(huge, {}, 20_000)).toThrow(/more than the limit of 20000/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("counts a fragment spread in several places once per place", () => {
    const query = `{ a: person(personRef: "x") { ...F } b: person(personRef: "y") { ...F } } fragment F on Person { familyName personRef }`;
    // a, b, two inline fragments, two fields in each.
    expect(() => collect(query, {}, 7)).toThrow(OperationTooLargeError);
    expect(collect(query, {}, 8).selections).toHaveLength(6);
  });
});
