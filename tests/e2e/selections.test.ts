/**
 * A verdict per selection (R5-2) and keys judged by value (R5-3), over HTTP: each alias and each
 * place of a fragment is decided where it occurs; strict mode names each denied selection at its
 * path, partial mode removes exactly those and keeps every allowed one; blank, wildcard and
 * malformed keys select nothing, literally or in variables.
 */
import { describe, expect, it } from "@jest/globals";
import { auditEventOf } from "../harness/auditDb";
import { as, gql, world } from "../harness/fixtures";

const traveller = () => {
  const w = world();
  const crossed = new Set(w.crossings.filter((c) => c.retainUntil > "2027-01-01").map((c) => c.personRef));
  const adult = w.persons.find(
    (p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01" && crossed.has(p.personRef),
  );
  if (!adult) throw new Error("the synthetic world has no retained adult traveller");
  return adult.personRef;
};

const TWO_LISTS = `query Two($good: ID, $bad: ID) {
  good: crossings(personRef: $good, first: 3) { ...Leg }
  bad: crossings(personRef: $bad, first: 3) { ...Leg }
}
fragment Leg on BorderCrossing { direction crossedAt }`;

describe("a verdict per selection", () => {
  it("rejects in strict mode with one error at the denied alias only", async () => {
    const res = await gql(TWO_LISTS, { ...(await as("border-officer")), variables: { good: traveller(), bad: "" } });
    expect(res.status).toBe(403);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.rule])).toEqual([
      [["bad"], "FORBIDDEN", "R5-3"],
    ]);
    expect(res.body.errors?.[0]?.extensions?.article).toBe("108+ Art. 5(1)");
    const event = await auditEventOf(res.headers.get("x-request-id"));
    expect(event).toMatchObject({ outcome: "DENIED", categories: [], disclosedPersonRefs: [] });
    expect(event?.fieldsDenied.map((f) => [f.field, f.rule])).toEqual([["Query.crossings", "R5-3"]]);
  });

  it("keeps the allowed alias of the same field in partial mode, with its fragment", async () => {
    const officer = await as("border-officer");
    const res = await gql(TWO_LISTS, {
      ...officer,
      headers: { "x-hub-partial": "true" },
      variables: { good: traveller(), bad: "*" },
    });
    expect(res.status).toBe(200);
    const good = res.body.data?.good as { direction: string; crossedAt: string }[];
    expect(good.length).toBeGreaterThan(0);
    expect(Object.keys(good[0] ?? {})).toEqual(["direction", "crossedAt"]);
    expect(res.body.data).not.toHaveProperty("bad");
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.rule])).toEqual([[["bad"], "R5-3"]]);
    expect(res.body.errors?.[0]?.extensions?.reason).toMatch(/wildcard/);
    const event = await auditEventOf(res.headers.get("x-request-id"));
    expect(event).toMatchObject({ outcome: "PARTIAL", categories: ["TRAVEL"] });
    expect(event?.disclosedPersonRefs).toEqual([traveller()]);
  });

  it("removes a denied selection behind a fragment in one place and keeps it in another", async () => {
    const real = `query Q($ref: ID!) {
      person(personRef: $ref) { ...Status crossings(first: 1) { person { ...Status } } }
    }
    fragment Status on Person { familyName asylumApplications { grounds } }`;
    const res = await gql(real, {
      ...(await as("border-officer")),
      headers: { "x-hub-partial": "true" },
      variables: { ref: traveller() },
    });
    expect(res.status).toBe(200);
    const person = res.body.data?.person as { familyName: string; crossings: { person: { familyName: string } }[] };
    expect(typeof person.familyName).toBe("string");
    expect(person).not.toHaveProperty("asylumApplications");
    expect(person.crossings[0]?.person.familyName).toBe(person.familyName);
    // Each place the fragment's denied fields were spread gets its own errors, at its own paths.
    expect(res.body.errors?.map((e) => [e.path?.join("."), e.extensions?.rule])).toEqual([
      ["person.asylumApplications", "R6-3"],
      ["person.asylumApplications.grounds", "R6-3"],
      ["person.crossings.person.asylumApplications", "R6-3"],
      ["person.crossings.person.asylumApplications.grounds", "R6-3"],
    ]);
  });
});

describe("keys are values (R5-3)", () => {
  const LOOKUP = `query L($ref: ID!) { person(personRef: $ref) { familyName } }`;

  it.each([[""], ["   "], ["*"], ["%"], ["PR*"], ["PRAAAAAAAAAAAAAAA%"], ["x".repeat(300)]])(
    "refuses the key %j before planning, in a variable and written literally",
    async (value) => {
      const officer = await as("border-officer");
      for (const res of [
        await gql(LOOKUP, { ...officer, variables: { ref: value } }),
        await gql(`{ person(personRef: ${JSON.stringify(value)}) { familyName } }`, officer),
        await gql(`{ crossings(personRef: ${JSON.stringify(value)}) { direction } }`, officer),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.errors?.map((e) => e.extensions?.rule)).toEqual(["R5-3"]);
      }
    },
  );

  it("serves a well-formed key", async () => {
    const res = await gql(LOOKUP, { ...(await as("border-officer")), variables: { ref: traveller() } });
    expect(res.status).toBe(200);
    expect(typeof (res.body.data?.person as { familyName: string }).familyName).toBe("string");
  });

  it("lists the categories of what came back, not of what was asked for", async () => {
    const res = await gql(
      `query E($ref: ID!) { person(personRef: $ref) { familyName } crossings(personRef: "PRAAAAAAAAAAAAAAAA") { direction } }`,
      {
        ...(await as("border-officer")),
        variables: { ref: traveller() },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.data?.crossings).toEqual([]);
    const event = await auditEventOf(res.headers.get("x-request-id"));
    expect(event?.categories).toEqual(["IDENTITY"]);
    expect(event?.fieldsAllowed.map((f) => f.field)).toContain("Query.crossings");
  });
});
