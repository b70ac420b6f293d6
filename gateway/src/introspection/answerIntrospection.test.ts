import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ApolloGateway } from "@apollo/gateway";
import { parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { PERSONAS } from "../auth/personas";
import { buildFieldCatalog } from "../fields/FieldCatalog";
import { answerIntrospection, withFilteredAnswers } from "./answerIntrospection";
import { IntrospectionSchemas } from "./IntrospectionSchemas";

const repoRoot = path.resolve(__dirname, "../../..");
const supergraphSdl = readFileSync(path.join(repoRoot, "contracts", "supergraph.graphql"), "utf8");
const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(repoRoot), "AM");
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const gateway = new ApolloGateway({ supergraphSdl, logger: silent });
const schemas = new IntrospectionSchemas(buildFieldCatalog(supergraphSdl), pdp);
let api: GraphQLSchema;

beforeAll(async () => {
  await gateway.load();
  if (!gateway.schema) throw new Error("the gateway built no API schema");
  api = gateway.schema;
});
afterAll(async () => {
  await gateway.stop();
});

const statistician = {
  subject: PERSONAS.statistician.subject,
  agency: PERSONAS.statistician.agency,
  role: PERSONAS.statistician.role,
  purposes: [...PERSONAS.statistician.purposes],
  country: "AM",
  cases: [],
};

function ask(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return answerIntrospection(schemas, {
    schema: api,
    document,
    operation,
    operationName: null,
    variables,
    principal: statistician,
  });
}

describe("answerIntrospection", () => {
  it("answers an operation that only introspects from the caller's schema", async () => {
    const answer = await ask(`query T($n: String!) { __type(name: $n) { name } q: __type(name: "Query") { name } }`, {
      n: "Person",
    });
    expect(answer).toEqual({ kind: "only", result: { data: { __type: null, q: { name: "Query" } } } });
  });

  it("answers the schema part of an operation that also asks for data, for the keys it answered", async () => {
    const answer = await ask(`{ country(code: "AM") { code } p: __type(name: "Person") { name } __typename }`);
    expect(answer.kind).toBe("part");
    if (answer.kind !== "part") return;
    expect(answer.keys).toEqual(["p"]);
    const gatewayData = { country: { code: "AM" }, p: { name: "Person" }, __typename: "Query" };
    expect(withFilteredAnswers(gatewayData, answer)).toEqual({ country: { code: "AM" }, p: null, __typename: "Query" });
  });

  it("answers variables that do not coerce without data", async () => {
    const answer = await ask(`query T($n: String!) { __type(name: $n) { name } }`);
    expect(answer.kind).toBe("only");
    if (answer.kind !== "only") return;
    expect(answer.result.data).toBeUndefined();
    expect(answer.result.errors?.[0]?.message).toMatch(/\$n/);
  });

  it("leaves an operation without schema questions alone", async () => {
    expect(await ask(`{ country(code: "AM") { code } }`)).toEqual({ kind: "none" });
  });
});
