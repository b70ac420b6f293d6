import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { collectFields } from "../fields/collectFields";
import { buildFieldCatalog } from "../fields/FieldCatalog";
import { decideOperation } from "./decideOperation";

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

describe("decideOperation", () => {
  const supergraph = `
    type Query { person(personRef: ID!): Person @join__field(graph: MIGRATION_SERVICE) @dataCategory(category: IDENTITY)
                 crossings(crossingPointCode: String, personRef: ID): [Crossing!]! @join__field(graph: BORDER_POLICE) @dataCategory(category: TRAVEL) }
    type Person @join__type(graph: MIGRATION_SERVICE) { familyName: String @dataCategory(category: IDENTITY) note: String }
    type Crossing @join__type(graph: BORDER_POLICE) { direction: String @dataCategory(category: TRAVEL) }`;
  const api = buildSchema(`
    type Query { person(personRef: ID!): Person crossings(crossingPointCode: String, personRef: ID): [Crossing!]! }
    type Person { familyName: String note: String }
    type Crossing { direction: String }`);
  const catalog = buildFieldCatalog(supergraph);
  const decide = (query: string) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return decideOperation(
      pdp,
      { principal: officer, purpose: "BORDER_CHECK" },
      collectFields(api, catalog, document, operation),
    );
  };

  it("refuses a field without a category by R10-1, whoever asks", () => {
    const { denied } = decide(`{ person(personRef: "x") { familyName note } }`);
    expect(denied.map((d) => [d.field.path, d.decision.rule])).toEqual([["person.note", "R10-1"]]);
  });

  it("decides an unkeyed list of persons' crossings as bulk browsing (R5-3) and a keyed one as allowed", () => {
    expect(decide(`{ crossings(crossingPointCode: "EVN") { direction } }`).denied.map((d) => d.decision.rule)).toEqual([
      "R5-3",
    ]);
    expect(decide(`{ crossings(personRef: "PR1") { direction } }`).denied).toEqual([]);
  });

  it("names the agreements that granted what was allowed", () => {
    expect(decide(`{ person(personRef: "x") { familyName } }`).grantingPolicies).toEqual(["AGR-MS-BP-BORDER"]);
  });
});
