/**
 * The subgraphs enforce R5-3 themselves (the gateway is the first line, not the only one): called
 * directly with a valid gateway-signed hub-context token, every key argument refuses a blank,
 * wildcard or malformed value, literal or in variables, and a list of persons or cases selected by
 * no key is refused outside statistics and research. Also what a subgraph reports of the records
 * it withholds (R7-2), which the gateway takes off before the client sees the response.
 */
import { describe, expect, it } from "@jest/globals";
import { withheldReportsSchema, type Purpose } from "@hub/contracts";
import type { PersonaName } from "@hub/gateway";
import { as, gql, hub, hubContextToken, principalOf, world, type Answer } from "../harness/fixtures";

const R5_3 = { code: "FORBIDDEN", rule: "R5-3", article: "108+ Art. 5(1)" };
// Malformed for every key format (a travel document number such as PR12345 would be well formed).
const BAD_KEYS = ["", "   ", "*", "%", "PR%", "12-34", "prabcdefghijklmnop", "AS-2026-R14-3-TEST"];

const urlOf = (subgraph: string) => {
  const url = hub.subgraphs[subgraph]?.url;
  if (!url) throw new Error(`the harness started no ${subgraph} subgraph`);
  return url;
};

/** Calls a subgraph as the gateway would for this persona and purpose. */
async function direct(
  subgraph: "border-police" | "migration-service",
  persona: PersonaName,
  purpose: Purpose,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Answer> {
  const token = await hubContextToken(
    subgraph,
    {
      principal: principalOf(persona),
      purpose,
      requestId: `subgraph-keys-${Math.random().toString(36).slice(2)}`,
    },
    { query, variables },
  );
  return gql(query, { url: urlOf(subgraph), headers: { "x-hub-context": token }, variables });
}

/** Asserts the answer refuses exactly the root field `field` with R5-3 (and nothing else). */
function expectKeyRefusal(res: Answer, field: string, extra: Record<string, unknown> = {}) {
  expect(res.status).toBe(200);
  expect(res.body.data?.[field] ?? null).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0]?.path).toEqual([field]);
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ ...R5_3, ...extra });
  expect(res.body.errors?.[0]?.message).toContain("[R5-3, 108+ Art. 5(1)]");
}

interface KeyedField {
  subgraph: "border-police" | "migration-service";
  persona: PersonaName;
  purpose: Purpose;
  field: string;
  argument: string;
  type: string;
  selection: string;
}

const BP_OFFICER = { subgraph: "border-police", persona: "border-officer", purpose: "BORDER_CHECK" } as const;
const ASYLUM = { subgraph: "migration-service", persona: "asylum-officer", purpose: "ASYLUM_PROCEDURE" } as const;
const KEYED: KeyedField[] = [
  { ...BP_OFFICER, field: "crossings", argument: "personRef", type: "ID", selection: "id" },
  { ...BP_OFFICER, field: "crossings", argument: "documentNumber", type: "String", selection: "id" },
  { ...BP_OFFICER, field: "entryRefusals", argument: "personRef", type: "ID", selection: "id" },
  { ...BP_OFFICER, field: "entryBans", argument: "personRef", type: "ID!", selection: "id" },
  { ...BP_OFFICER, field: "deporteeScreenings", argument: "personRef", type: "ID", selection: "id" },
  { ...BP_OFFICER, field: "travelDocument", argument: "documentNumber", type: "String!", selection: "documentNumber" },
  { ...ASYLUM, field: "person", argument: "personRef", type: "ID!", selection: "personRef" },
  { ...ASYLUM, field: "personByNationalId", argument: "nationalId", type: "String!", selection: "personRef" },
  { ...ASYLUM, field: "asylumApplications", argument: "personRef", type: "ID", selection: "applicationId" },
  { ...ASYLUM, field: "asylumApplication", argument: "applicationId", type: "ID!", selection: "applicationId" },
  { ...ASYLUM, field: "residencePermits", argument: "personRef", type: "ID", selection: "permitNumber" },
  { ...ASYLUM, field: "residencePermit", argument: "permitNumber", type: "String!", selection: "permitNumber" },
  { ...ASYLUM, field: "returnDecisions", argument: "personRef", type: "ID!", selection: "decisionId" },
  {
    subgraph: "migration-service",
    persona: "trafficking-caseworker",
    purpose: "VICTIM_PROTECTION",
    field: "traffickingCase",
    argument: "caseId",
    type: "ID!",
    selection: "caseId",
  },
];

describe("subgraphs refuse blank, wildcard and malformed keys (R5-3)", () => {
  it.each(KEYED.map((k) => [`${k.subgraph} ${k.field}(${k.argument})`, k] as const))(
    "%s: as a literal and in variables",
    async (_name, k) => {
      for (const value of BAD_KEYS) {
        const literal = await direct(
          k.subgraph,
          k.persona,
          k.purpose,
          `{ ${k.field}(${k.argument}: ${JSON.stringify(value)}) { ${k.selection} } }`,
        );
        expectKeyRefusal(literal, k.field, { key: k.argument });
        const variable = await direct(
          k.subgraph,
          k.persona,
          k.purpose,
          `query ($key: ${k.type}) { ${k.field}(${k.argument}: $key) { ${k.selection} } }`,
          { key: value },
        );
        expectKeyRefusal(variable, k.field, { key: k.argument });
      }
    },
  );

  it("refuses a list of personRefs with one bad element, an empty one, or one too long", async () => {
    const ref = world().persons[0]?.personRef ?? "";
    const query = `query ($refs: [ID!]!) { persons(personRefs: $refs) { personRef } }`;
    for (const refs of [[ref, ""], [ref, "*"], [], Array.from({ length: 101 }, () => ref)]) {
      expectKeyRefusal(
        await direct("migration-service", "asylum-officer", "ASYLUM_PROCEDURE", query, { refs }),
        "persons",
        {
          key: "personRefs",
        },
      );
    }
    const served = await direct("migration-service", "asylum-officer", "ASYLUM_PROCEDURE", query, { refs: [ref] });
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data?.persons).toEqual([{ personRef: ref }]);
  });

  it("refuses a malformed personRef in an entity representation, that entity alone", async () => {
    const ref = world().persons[0]?.personRef ?? "";
    const res = await direct(
      "border-police",
      "border-officer",
      "BORDER_CHECK",
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { personRef } } }`,
      {
        r: [
          { __typename: "Person", personRef: "" },
          { __typename: "Person", personRef: ref },
        ],
      },
    );
    expect(res.body.data?._entities).toEqual([null, { personRef: ref }]);
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.rule])).toEqual([[["_entities", 0], "R5-3"]]);
  });
});

describe("subgraphs refuse lists of persons or cases selected by no key (R5-3)", () => {
  it.each([
    ["border-police", "border-officer", "BORDER_CHECK", `{ crossings { id } }`, "crossings"],
    ["border-police", "border-officer", "BORDER_CHECK", `{ crossings(crossingPointCode: "EVN") { id } }`, "crossings"],
    ["border-police", "border-officer", "BORDER_CHECK", `{ entryRefusals(personRef: null) { id } }`, "entryRefusals"],
    ["border-police", "border-officer", "BORDER_CHECK", `{ deporteeScreenings { id } }`, "deporteeScreenings"],
    [
      "migration-service",
      "asylum-officer",
      "ASYLUM_PROCEDURE",
      `{ asylumApplications { applicationId } }`,
      "asylumApplications",
    ],
    [
      "migration-service",
      "migration-clerk",
      "RESIDENCE_ADMIN",
      `{ residencePermits(status: VALID) { permitNumber } }`,
      "residencePermits",
    ],
    [
      "migration-service",
      "trafficking-caseworker",
      "VICTIM_PROTECTION",
      `{ traffickingCases(assignedCaseworker: "caseworker-01") { caseId } }`,
      "traffickingCases",
    ],
  ] as const)("%s refuses %s for %s: %s", async (subgraph, persona, purpose, query, field) => {
    expectKeyRefusal(await direct(subgraph, persona, purpose, query), field, { key: null, problem: "unkeyed" });
  });

  it("lets a statistics purpose list without a key; its records are then decided by the other rules", async () => {
    const res = await direct("border-police", "statistician", "OFFICIAL_STATISTICS", `{ crossings(first: 5) { id } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => e.extensions?.rule) ?? []).not.toContain("R5-3");
  });

  it("serves reference lists without a key", async () => {
    const res = await direct("border-police", "border-officer", "BORDER_CHECK", `{ crossingPoints { code } }`);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.crossingPoints as unknown[]).length).toBeGreaterThan(0);
  });
});

describe("what a subgraph reports of the records it withholds (R7-2)", () => {
  const today = new Date().toISOString().slice(0, 10);
  const w = world();
  const traveller = w.persons.find((p) => {
    const own = w.crossings.filter((c) => c.personRef === p.personRef);
    return own.some((c) => c.retainUntil >= today) && own.some((c) => c.retainUntil < today);
  });
  if (!traveller) throw new Error("the seeded world has no traveller with crossings past and within retention");
  const lapsed = w.crossings.filter((c) => c.personRef === traveller.personRef && c.retainUntil < today).length;
  const query = `query ($ref: ID!) { crossings(personRef: $ref, first: 100) { id } }`;

  it("reports each (path, rule) with its count next to the FORBIDDEN error the caller gets", async () => {
    const res = await direct("border-police", "border-officer", "BORDER_CHECK", query, { ref: traveller.personRef });
    const extensions = (res.body as { extensions?: Record<string, unknown> }).extensions ?? {};
    const reports = withheldReportsSchema.parse(extensions.hubWithheld);
    expect(reports).toEqual([
      {
        rule: "R5-4",
        article: "108+ Art. 5(4)(e)",
        category: "TRAVEL",
        owner: "BORDER_POLICE",
        path: ["crossings"],
        count: lapsed,
        silent: false,
        // Whose records: for the audit log (R9-1), never passed on to the caller.
        personRefs: [traveller.personRef],
      },
    ]);
    expect(res.body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^\d+ BorderCrossing records? \(TRAVEL data of BORDER_POLICE\) (is|are) not disclosed: /,
        ),
        path: ["crossings"],
        extensions: expect.objectContaining({ code: "FORBIDDEN", rule: "R5-4", withheld: lapsed }),
      },
    ]);
  });

  it("the gateway passes the refusal on and keeps the report to itself", async () => {
    const res = await gql(query, { ...(await as("border-officer")), variables: { ref: traveller.personRef } });
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.rule, e.extensions?.withheld])).toEqual([
      [["crossings"], "R5-4", lapsed],
    ]);
    expect(JSON.stringify(res.body)).not.toContain("hubWithheld");
  });
});
