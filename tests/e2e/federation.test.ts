/** A query that crosses all three agencies' subgraphs answers with the data each agency holds. */
import { describe, expect, it } from "@jest/globals";
import { as, gql, world } from "../harness/fixtures";

function sampleTraveller() {
  const w = world();
  const travellers = new Map<string, number>();
  for (const c of w.crossings) travellers.set(c.personRef, (travellers.get(c.personRef) ?? 0) + 1);
  const person = w.persons.find((p) => (travellers.get(p.personRef) ?? 0) >= 3 && p.citizenships.length > 0);
  if (!person) throw new Error("the seeded world has no traveller with three crossings");
  return person;
}

describe("federated query across the three agencies", () => {
  it("joins Migration Service identity, Border Police crossings and Statistics Office country names", async () => {
    const w = world();
    const person = sampleTraveller();
    const res = await gql(
      `query ($ref: ID!) {
        person(personRef: $ref) {
          personRef givenName familyName
          citizenships { code name }
          crossings(first: 3) { direction crossedAt crossingPoint { code name } }
        }
      }`,
      { ...(await as("border-officer")), variables: { ref: person.personRef } },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data?.person as {
      givenName: string;
      familyName: string;
      citizenships: { code: string; name: string }[];
      crossings: { direction: string; crossedAt: string; crossingPoint: { code: string; name: string } }[];
    };
    expect(data.givenName).toBe(person.givenName);
    expect(data.familyName).toBe(person.familyName);
    expect(data.citizenships).toEqual(
      person.citizenships.map((code) => ({ code, name: w.countries.find((c) => c.code === code)?.name })),
    );
    const expected = w.crossings
      .filter((c) => c.personRef === person.personRef)
      .sort((a, b) => b.crossedAt.localeCompare(a.crossedAt))
      .slice(0, 3);
    expect(data.crossings.map((c) => [c.direction, new Date(c.crossedAt).toISOString(), c.crossingPoint.code])).toEqual(
      expected.map((c) => [c.direction, new Date(c.crossedAt).toISOString(), c.crossingPointCode]),
    );
    expect(data.crossings.every((c) => c.crossingPoint.name.length > 0)).toBe(true);
  });

  it("answers an unknown (well-formed) personRef with null, not an error", async () => {
    const unknown = "PRZZZZZZZZZZZZZZZZ";
    expect(world().persons.some((p) => p.personRef === unknown)).toBe(false);
    const res = await gql(`{ person(personRef: "${unknown}") { givenName } }`, await as("border-officer"));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.person).toBeNull();
  });

  it("gives every response a request id", async () => {
    const res = await gql(`{ crossingPoints { code } }`, await as("border-officer"));
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
