import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { buildFieldCatalog } from "../fields/FieldCatalog";
import { collectSelections } from "../selections/collectSelections";
import { decideSelections } from "./decideSelections";

const repoRoot = path.resolve(__dirname, "../../..");
const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(repoRoot), "AM");
const officer = {
  subject: "officer-0147",
  agency: "BORDER_POLICE" as const,
  role: "border-officer",
  purposes: ["BORDER_CHECK" as const],
  country: "AM",
  cases: [],
};

describe("every field of the supergraph is classified (R10-1)", () => {
  it("has exactly one data category on every field of every served type", () => {
    const catalog = buildFieldCatalog(readFileSync(path.join(repoRoot, "contracts/supergraph.graphql"), "utf8"));
    const unclassified = [...catalog]
      .filter(([key, info]) => info.category === null && !key.startsWith("join__") && !key.startsWith("link__"))
      .map(([key]) => key);
    expect(catalog.size).toBeGreaterThan(100);
    expect(unclassified).toEqual([]);
  });
});

const REF = "PRABCDEFGHIJKLMNOP";

describe("decideSelections", () => {
  const supergraph = `
    type Query { person(personRef: ID!): Person @join__field(graph: MIGRATION_SERVICE) @dataCategory(category: IDENTITY)
                 crossings(crossingPointCode: String, personRef: ID, documentNumber: String): [Crossing!]! @join__field(graph: BORDER_POLICE) @dataCategory(category: TRAVEL)
                 persons(personRefs: [ID!]!): [Person!]! @join__field(graph: MIGRATION_SERVICE) @dataCategory(category: IDENTITY) }
    type Person @join__type(graph: MIGRATION_SERVICE) { familyName: String @dataCategory(category: IDENTITY) note: String
                 asylum: String @dataCategory(category: ASYLUM) }
    type Crossing @join__type(graph: BORDER_POLICE) { direction: String @dataCategory(category: TRAVEL) }`;
  const api = buildSchema(`
    type Query { person(personRef: ID!): Person crossings(crossingPointCode: String, personRef: ID, documentNumber: String): [Crossing!]!
                 persons(personRefs: [ID!]!): [Person!]! }
    type Person { familyName: String note: String asylum: String }
    type Crossing { direction: String }`);
  const catalog = buildFieldCatalog(supergraph);
  const decide = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return decideSelections(
      pdp,
      { principal: officer, purpose: "BORDER_CHECK" },
      collectSelections(api, catalog, document, operation, variables).selections,
    );
  };
  const denials = (query: string, variables: Record<string, unknown> = {}) =>
    decide(query, variables).denied.map((d) => [d.selection.path.join("."), d.decision.rule]);

  it("refuses a field without a category by R10-1, whoever asks", () => {
    expect(denials(`{ person(personRef: "${REF}") { familyName note } }`)).toEqual([["person.note", "R10-1"]]);
  });

  it("decides an unkeyed list of persons' crossings as bulk browsing (R5-3) and a keyed one as allowed", () => {
    expect(denials(`{ crossings(crossingPointCode: "EVN") { direction } }`)).toEqual([["crossings", "R5-3"]]);
    expect(denials(`{ crossings(personRef: "${REF}") { direction } }`)).toEqual([]);
    expect(denials(`{ crossings(documentNumber: "AM1234567") { direction } }`)).toEqual([]);
  });

  it.each([[""], ["   "], ["*"], ["%"], ["PR%"], ["x"], ["pr" + "a".repeat(16)], [REF + "A"]])(
    "refuses the key %j with R5-3, written literally and in a variable",
    (value) => {
      expect(denials(`{ crossings(personRef: ${JSON.stringify(value)}) { direction } }`)).toEqual([
        ["crossings", "R5-3"],
      ]);
      expect(denials(`query Q($p: ID) { crossings(personRef: $p) { direction } }`, { p: value })).toEqual([
        ["crossings", "R5-3"],
      ]);
      expect(denials(`query Q($p: ID!) { person(personRef: $p) { familyName } }`, { p: value })).toEqual([
        ["person", "R5-3"],
      ]);
    },
  );

  it("names the key's problem and the article of R5-3", () => {
    const [denial] = decide(`{ crossings(personRef: "*") { direction } }`).denied;
    expect(denial?.decision).toMatchObject({ rule: "R5-3", article: "108+ Art. 5(1)" });
    expect(denial?.decision.reason).toMatch(/wildcard/);
  });

  it("refuses a list of keys with one blank or malformed element, and an empty one", () => {
    expect(denials(`{ persons(personRefs: ["${REF}", ""]) { familyName } }`)).toEqual([["persons", "R5-3"]]);
    expect(denials(`{ persons(personRefs: []) { familyName } }`)).toEqual([["persons", "R5-3"]]);
    expect(denials(`{ persons(personRefs: ["${REF}"]) { familyName } }`)).toEqual([]);
  });

  it("decides each alias of a field on its own", () => {
    expect(
      denials(`{ a: crossings(personRef: "${REF}") { direction } b: crossings(personRef: "") { direction } }`),
    ).toEqual([["b", "R5-3"]]);
  });

  it("names the agreements that granted what was allowed", () => {
    expect(decide(`{ person(personRef: "${REF}") { familyName } }`).grantingPolicies).toEqual(["AGR-MS-BP-BORDER"]);
  });
});
