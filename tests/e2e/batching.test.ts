/** Nested lists and entity references are batched: the SQL statement count does not grow with the list. */
import { describe, expect, it } from "@jest/globals";
import { as, gql, sqlStatements, world } from "../harness/fixtures";

const QUERY = `query ($refs: [ID!]!) {
  persons(personRefs: $refs) {
    personRef
    crossings(first: 5) { direction crossingPoint { name } travelDocument { kind } }
    travelDocuments { documentNumber }
  }
}`;

async function statementsFor(count: number): Promise<{ border: number; migration: number; returned: number }> {
  // Persons past retention are withheld (R5-4), so only retained ones are asked for.
  const today = new Date().toISOString().slice(0, 10);
  const refs = world()
    .persons.filter((p) => p.retainUntil >= today)
    .slice(0, count)
    .map((p) => p.personRef);
  const beforeBorder = await sqlStatements("border-police");
  const beforeMigration = await sqlStatements("migration-service");
  const res = await gql(QUERY, { ...(await as("border-officer")), variables: { refs } });
  // Their records past retention are refused where they would have been (R5-4, R7-2); nothing else fails.
  const unexpected = (res.body.errors ?? []).filter(
    (e) => !(e.extensions?.code === "FORBIDDEN" && e.extensions.rule === "R5-4"),
  );
  expect(unexpected).toEqual([]);
  return {
    border: (await sqlStatements("border-police")) - beforeBorder,
    migration: (await sqlStatements("migration-service")) - beforeMigration,
    returned: (res.body.data?.persons as unknown[]).length,
  };
}

describe("batching", () => {
  it("resolves 10 or 100 persons' crossings with the same number of SQL statements", async () => {
    const small = await statementsFor(10);
    const large = await statementsFor(100);
    expect(small.returned).toBe(10);
    expect(large.returned).toBe(100);
    expect(large.border).toBe(small.border);
    expect(large.migration).toBe(small.migration);
    expect(large.border).toBeLessThanOrEqual(4);
  });
});
