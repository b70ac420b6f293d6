import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { pino } from "pino";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { PERSONAS } from "../auth/personas";
import { buildFieldCatalog } from "../fields/FieldCatalog";
import type { HubContext } from "../HubContext";
import { filteredIntrospection } from "./filteredIntrospection";

const repoRoot = path.resolve(__dirname, "../../..");
const supergraphSdl = readFileSync(path.join(repoRoot, "contracts", "supergraph.graphql"), "utf8");
const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(repoRoot), "AM");
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const gateway = new ApolloGateway({ supergraphSdl, logger: silent });
let server: ApolloServer<HubContext>;

// The API schema without resolvers: data fields answer null, which is all these tests need.
beforeAll(async () => {
  await gateway.load();
  if (!gateway.schema) throw new Error("the gateway built no API schema");
  server = new ApolloServer<HubContext>({
    schema: gateway.schema,
    plugins: [filteredIntrospection(buildFieldCatalog(supergraphSdl), pdp, pino({ level: "silent" }))],
  });
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await gateway.stop();
});

const statistician = (): HubContext => ({
  requestId: "test",
  startedAt: Date.now(),
  disclosedPersonRefs: new Set(),
  principal: {
    subject: PERSONAS.statistician.subject,
    agency: PERSONAS.statistician.agency,
    role: PERSONAS.statistician.role,
    purposes: [...PERSONAS.statistician.purposes],
    country: "AM",
    cases: [],
  },
  purpose: "OFFICIAL_STATISTICS",
  mode: "strict",
  touched: [],
  partialErrors: [],
  hubContextTokens: new Map(),
});

async function run(query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables }, { contextValue: statistician() });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { status: response.http.status, result: response.body.singleResult };
}

describe("filteredIntrospection", () => {
  it("answers an operation that only introspects from the caller's schema", async () => {
    const { result } = await run(
      `query T($n: String!) { __type(name: $n) { name } q: __type(name: "Query") { name } }`,
      {
        n: "Person",
      },
    );
    expect(result).toEqual({ data: { __type: null, q: { name: "Query" } } });
  });

  it("replaces the schema answers of an operation that also asks for data", async () => {
    const { result } = await run(`{ country(code: "AM") { code } p: __type(name: "Person") { name } __typename }`);
    expect(result.data).toEqual({ country: null, p: null, __typename: "Query" });
  });

  it("answers variables that do not coerce with a bad request", async () => {
    const { status, result } = await run(`query T($n: String!) { __type(name: $n) { name } }`);
    expect(status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/\$n/);
  });
});
