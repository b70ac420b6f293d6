/** What a subgraph response tells the gateway (disclosed personRefs, withheld records) and the caller (refusals). */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ApolloServer } from "@apollo/server";
import type { GraphQLResolveInfo } from "graphql";
import { pino } from "pino";
import {
  DISCLOSED_EXTENSION,
  WITHHELD_EXTENSION,
  withheldReportsSchema,
  type HubContextRequestClaims,
  type Principal,
} from "@hub/contracts";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { disclosurePlugin } from "./disclosurePlugin";
import { RecordGuard } from "./RecordGuard";

const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(path.resolve(__dirname, "../../..")), "AM");

const typeDefs = `
  type Application { id: ID! }
  type Query { applications: [Application!] application: Application }
`;
const APPLICATIONS = [
  { id: "kept", personRef: "PRAAAAAAAAAAAAAAAA", retainUntil: "2031-01-01", countryOfOrigin: "SY" },
  { id: "lapsed", personRef: "PRBBBBBBBBBBBBBBBB", retainUntil: "2020-01-01", countryOfOrigin: "SY" },
  // From the caller's own country: a foreign caller would be refused by R14-2 before R14-3 mattered.
  { id: "from-am", personRef: "PRCCCCCCCCCCCCCCCC", retainUntil: "2031-01-01", countryOfOrigin: "AM" },
];
const facts = (a: (typeof APPLICATIONS)[number]) => ({
  retainUntil: a.retainUntil,
  countryOfOrigin: a.countryOfOrigin,
});
const resolvers = {
  Query: {
    applications: (_: unknown, __: unknown, ctx: { guard: RecordGuard }, info: GraphQLResolveInfo) =>
      ctx.guard.disclose(APPLICATIONS, "ASYLUM", facts, { info, type: "Application" }),
    application: (_: unknown, __: unknown, ctx: { guard: RecordGuard }, info: GraphQLResolveInfo) =>
      ctx.guard.one(APPLICATIONS[1], "ASYLUM", facts, { info, type: "Application" }),
  },
};

async function run(query: string, country: string) {
  const principal: Principal = {
    subject: "asylum-officer-0088",
    agency: "MIGRATION_SERVICE",
    role: "asylum-officer",
    purposes: ["ASYLUM_PROCEDURE"],
    country,
    cases: [],
  };
  const hub: HubContextRequestClaims = { principal, purpose: "ASYLUM_PROCEDURE", requestId: "unit-test" };
  const server = new ApolloServer<{ guard: RecordGuard }>({ typeDefs, resolvers, plugins: [disclosurePlugin()] });
  await server.start();
  try {
    const guard = new RecordGuard({ pdp, owner: "MIGRATION_SERVICE", hub, log: pino({ level: "silent" }) });
    const res = await server.executeOperation({ query }, { contextValue: { guard } });
    if (res.body.kind !== "single") throw new Error("expected a single result");
    return res.body.singleResult;
  } finally {
    await server.stop();
  }
}

describe("disclosurePlugin", () => {
  it("reports disclosed personRefs and withheld records to the gateway, and refuses them to the caller", async () => {
    const result = await run("{ applications { id } application { id } }", "AM");
    expect(result.data).toEqual({ applications: [{ id: "kept" }], application: null });
    expect(result.extensions?.[DISCLOSED_EXTENSION]).toEqual(["PRAAAAAAAAAAAAAAAA"]);
    const reports = withheldReportsSchema.parse(result.extensions?.[WITHHELD_EXTENSION]);
    expect(reports.map((r) => [r.path, r.rule, r.count, r.silent])).toEqual([
      [["application"], "R5-4", 1, false],
      [["applications"], "R14-3", 1, true],
      [["applications"], "R5-4", 1, false],
    ]);
    // The R14-3 refusal is not named to the caller.
    expect(result.errors?.map((e) => [e.path, e.extensions?.rule, e.extensions?.withheld])).toEqual([
      [["application"], "R5-4", 1],
      [["applications"], "R5-4", 1],
    ]);
  });

  it("adds nothing to a response that withheld nothing", async () => {
    const result = await run("{ __typename }", "AM");
    expect(result.errors).toBeUndefined();
    expect(result.extensions).toBeUndefined();
  });
});
