/** R5-3 in the subgraph: keys are values, unkeyed personal lists only for statistics, and record refusals' paths. */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { graphql, type GraphQLSchema } from "graphql";
import { pino } from "pino";
import { Arg, Ctx, Directive, Field, ID, Info, ObjectType, Query, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { HubContextRequestClaims, Purpose } from "@hub/contracts";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import { buildFederatedSchema } from "./buildFederatedSchema";
import { Category } from "./dataCategory";
import { keyRefusal, type KeyContext, type KeyedSelection } from "./enforceKeys";
import { RecordGuard } from "./RecordGuard";

const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(path.resolve(__dirname, "../../..")), "AM");
const REF = "PRABCDEFGHIJKLMNOP";

const list = (args: Record<string, unknown>, personalList = true): KeyedSelection => ({
  field: "Query.crossings",
  args,
  keyArguments: ["personRef", "documentNumber"],
  personalList,
});

describe("keyRefusal (R5-3)", () => {
  it.each([
    ["", "blank"],
    ["   ", "blank"],
    ["*", "wildcard"],
    ["%", "wildcard"],
    ["PR%", "wildcard"],
    ["PR123", "malformed"],
    [`${REF} `, "malformed"],
    ["pr" + REF.slice(2), "malformed"],
  ])("refuses the key %j as %s", (value, problem) => {
    expect(keyRefusal(list({ personRef: value }), "BORDER_CHECK")).toMatchObject({ key: "personRef", problem });
    // Statistics purposes do not make a bad key good: it still selects nothing.
    expect(keyRefusal(list({ personRef: value }), "OFFICIAL_STATISTICS")).toMatchObject({ problem });
  });

  it("accepts a well-formed key, with other filters beside it", () => {
    expect(keyRefusal(list({ personRef: REF, crossingPointCode: "" }), "BORDER_CHECK")).toBeNull();
    expect(keyRefusal(list({ documentNumber: "AB1234567" }), "BORDER_CHECK")).toBeNull();
  });

  it("refuses a bad key beside a good one", () => {
    expect(keyRefusal(list({ personRef: REF, documentNumber: "" }), "BORDER_CHECK")).toMatchObject({
      key: "documentNumber",
      problem: "blank",
    });
  });

  it("checks every element of a list of keys", () => {
    const persons = (personRefs: unknown): KeyedSelection => ({
      field: "Query.persons",
      args: { personRefs },
      keyArguments: ["personRefs"],
      personalList: true,
    });
    expect(keyRefusal(persons([REF, REF]), "BORDER_CHECK")).toBeNull();
    expect(keyRefusal(persons([]), "BORDER_CHECK")).toMatchObject({ problem: "blank" });
    expect(keyRefusal(persons([REF, "*"]), "BORDER_CHECK")).toMatchObject({ problem: "wildcard" });
    expect(keyRefusal(persons(Array.from({ length: 101 }, () => REF)), "BORDER_CHECK")).toMatchObject({
      problem: "malformed",
    });
  });

  it.each<[Purpose, boolean]>([
    ["BORDER_CHECK", true],
    ["ASYLUM_PROCEDURE", true],
    ["VICTIM_PROTECTION", true],
    ["OFFICIAL_STATISTICS", false],
    ["RESEARCH", false],
  ])("for %s, a personal list selected by no key is refused: %s", (purpose, refused) => {
    for (const args of [{}, { personRef: null }, { crossingPointCode: "EVN" }]) {
      const refusal = keyRefusal(list(args), purpose);
      if (refused) expect(refusal).toMatchObject({ key: null, problem: "unkeyed" });
      else expect(refusal).toBeNull();
    }
  });

  it("does not count reference and aggregate lists as lists of persons", () => {
    expect(keyRefusal(list({}, false), "BORDER_CHECK")).toBeNull();
  });
});

// A small subgraph, built as the agencies' are, to see the kit's checks where resolvers run.
@Directive('@key(fields: "personRef")')
@ObjectType()
class Traveller {
  @Category("IDENTIFIER")
  @Field(() => ID)
  personRef: string;

  @Category("IDENTITY")
  @Field()
  name: string;
}

@ObjectType()
class Reference {
  @Category("REFERENCE")
  @Field()
  code: string;
}

const ALL = [
  { personRef: "PRAAAAAAAAAAAAAAAA", name: "kept", retainUntil: "2031-01-01" },
  { personRef: "PRBBBBBBBBBBBBBBBB", name: "lapsed", retainUntil: "2020-01-01" },
];

interface TestContext extends KeyContext {
  resolved: string[];
}

@Resolver()
class TravellerResolver {
  @Category("IDENTITY")
  @Query(() => [Traveller], { nullable: true })
  async travellers(
    @Ctx() ctx: TestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("name", { nullable: true }) name?: string,
  ): Promise<Traveller[]> {
    ctx.resolved.push(`travellers:${personRef ?? "*"}:${name ?? "*"}`);
    const found = ALL.filter((t) => (personRef === undefined || t.personRef === personRef) && name !== "none");
    return ctx.guard.disclose(found, "IDENTITY", (t) => ({ retainUntil: t.retainUntil }), { info, type: "Traveller" });
  }

  @Category("REFERENCE")
  @Query(() => [Reference], { nullable: true })
  references(): Reference[] {
    return [{ code: "EVN" }];
  }
}

async function resolveTraveller(reference: Record<string, unknown>, ctx: TestContext, info: GraphQLResolveInfo) {
  const found = ALL.find((t) => t.personRef === reference.personRef) ?? null;
  return ctx.guard.one(found, "IDENTITY", (t) => ({ retainUntil: t.retainUntil }), { info, type: "Traveller" });
}

let built: Promise<GraphQLSchema> | undefined;
const schema = () =>
  (built ??= buildFederatedSchema<TestContext>({
    resolvers: [TravellerResolver],
    orphanedTypes: [Reference],
    referenceResolvers: { Traveller: resolveTraveller },
  }).then((s) => s.schema));

async function run(source: string, purpose: Purpose, variableValues?: Record<string, unknown>) {
  const hub: HubContextRequestClaims = {
    principal: {
      subject: "asylum-officer-0088",
      agency: "MIGRATION_SERVICE",
      role: "asylum-officer",
      purposes: [purpose],
      country: "AM",
      cases: [],
    },
    purpose,
    requestId: "unit-test",
  };
  const guard = new RecordGuard({ pdp, owner: "MIGRATION_SERVICE", hub, log: pino({ level: "silent" }) });
  const contextValue: TestContext = { hub, guard, resolved: [] };
  const result = await graphql({ schema: await schema(), source, variableValues, contextValue });
  return { result, guard, resolved: contextValue.resolved };
}

describe("the kit's R5-3 check where resolvers run", () => {
  it.each(["", "   ", "*", "%", "PR-not-a-ref"])(
    "refuses personRef %j, as a literal and in variables, before the resolver runs",
    async (value) => {
      for (const [query, variables] of [
        [`{ travellers(personRef: ${JSON.stringify(value)}) { name } references { code } }`, undefined],
        [`query ($ref: ID) { travellers(personRef: $ref) { name } references { code } }`, { ref: value }],
      ] as const) {
        const { result, resolved } = await run(query, "ASYLUM_PROCEDURE", variables);
        expect(resolved).toEqual([]);
        expect(result.data).toEqual({ travellers: null, references: [{ code: "EVN" }] });
        expect(result.errors).toHaveLength(1);
        expect(result.errors?.[0]?.path).toEqual(["travellers"]);
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: "FORBIDDEN",
          rule: "R5-3",
          article: "108+ Art. 5(1)",
          key: "personRef",
          owner: "MIGRATION_SERVICE",
          category: "IDENTITY",
        });
      }
    },
  );

  it("refuses an unkeyed personal list outside statistics, even with other filters; serves reference lists", async () => {
    const { result, resolved } = await run(
      `{ travellers(name: "kept") { name } references { code } }`,
      "ASYLUM_PROCEDURE",
    );
    expect(resolved).toEqual([]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ rule: "R5-3", problem: "unkeyed", key: null });
    expect(result.data?.references).toEqual([{ code: "EVN" }]);
  });

  it("lets a statistics purpose list without a key (the list's fields are still decided)", async () => {
    const { resolved } = await run(`{ travellers { personRef } }`, "OFFICIAL_STATISTICS");
    expect(resolved).toEqual(["travellers:*:*"]);
  });

  it("takes an empty non-key filter as a value, not as no filter", async () => {
    const { resolved } = await run(
      `{ travellers(personRef: "PRAAAAAAAAAAAAAAAA", name: "") { name } }`,
      "ASYLUM_PROCEDURE",
    );
    expect(resolved).toEqual(["travellers:PRAAAAAAAAAAAAAAAA:"]);
  });

  it("refuses a malformed key in an entity representation, that entity alone", async () => {
    const { result } = await run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Traveller { name } } }`,
      "ASYLUM_PROCEDURE",
      {
        r: [
          { __typename: "Traveller", personRef: "*" },
          { __typename: "Traveller", personRef: "PRAAAAAAAAAAAAAAAA" },
        ],
      },
    );
    expect(result.data?._entities).toEqual([null, { name: "kept" }]);
    expect(result.errors?.map((e) => [e.path, e.extensions.rule])).toEqual([[["_entities", 0], "R5-3"]]);
  });

  it("reports a withheld entity at its own index in `_entities`", async () => {
    const { result, guard } = await run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Traveller { name } } }`,
      "ASYLUM_PROCEDURE",
      {
        r: [
          { __typename: "Traveller", personRef: "PRAAAAAAAAAAAAAAAA" },
          { __typename: "Traveller", personRef: "PRBBBBBBBBBBBBBBBB" },
        ],
      },
    );
    expect(result.data?._entities).toEqual([{ name: "kept" }, null]);
    expect(guard.withheld()).toEqual([expect.objectContaining({ path: ["_entities", 1], rule: "R5-4", count: 1 })]);
    expect(guard.refusals()[0]?.path).toEqual(["_entities", 1]);
  });
});
