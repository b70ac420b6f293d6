/** A subgraph response in which the policy engine failed carries no data at all, only errors. */
import { describe, expect, it } from "@jest/globals";
import { ApolloServer } from "@apollo/server";
import { GraphQLError } from "graphql";
import { failClosedPlugin } from "./failClosedPlugin";

const typeDefs = `type Query { decided: String undecidable: String broken: String }`;
const resolvers = {
  Query: {
    decided: () => "a record decided before the failure",
    undecidable: () => {
      throw new GraphQLError("The policy engine could not decide; nothing is served.", {
        extensions: { code: "POLICY_UNAVAILABLE" },
      });
    },
    broken: () => {
      throw new GraphQLError("something else", { extensions: { code: "BAD_USER_INPUT" } });
    },
  },
};

async function run(query: string) {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [failClosedPlugin()] });
  await server.start();
  try {
    const res = await server.executeOperation({ query });
    if (res.body.kind !== "single") throw new Error("expected a single result");
    return res.body.singleResult;
  } finally {
    await server.stop();
  }
}

describe("failClosedPlugin", () => {
  it("drops the data of a response with POLICY_UNAVAILABLE", async () => {
    const result = await run("{ decided undecidable }");
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["POLICY_UNAVAILABLE"]);
  });

  it("leaves other partial results as they are", async () => {
    const result = await run("{ decided broken }");
    expect(result.data).toEqual({ decided: "a record decided before the failure", broken: null });
  });
});
