/** Abusive operations are refused while parsing and validating, before any policy or subgraph work. */
import { describe, expect, it } from "@jest/globals";
import { as, gql } from "../harness/fixtures";

async function expectTooComplex(query: string, message: RegExp) {
  const res = await gql(query, await as("border-officer"));
  expect(res.status).toBe(400);
  expect(res.body.data ?? null).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0]?.message).toMatch(message);
  expect(res.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
}

describe("operation limits", () => {
  it("refuses an operation nested deeper than the limit", async () => {
    let selection = "id";
    for (let i = 0; i < 7; i++) selection = `person { crossings { ${selection} } }`;
    await expectTooComplex(`{ crossings(personRef: "x") { ${selection} } }`, /depth limit of 12 exceeded/);
  });

  it("refuses an operation with too many aliases", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: crossingPoints { code }`).join(" ");
    await expectTooComplex(`{ ${aliases} }`, /Aliases limit of 15 exceeded/);
  });

  it("refuses an operation with too many tokens", async () => {
    const fields = Array.from({ length: 2600 }, () => "code").join(" ");
    await expectTooComplex(`{ crossingPoints { ${fields} } }`, /more than 2000 tokens/);
  });

  it("refuses an operation whose estimated cost is too high, naming the cost and the limit", async () => {
    // crossings 1 + person 100 + crossings 100 + id 100·100: each list counts its page size.
    const query = `{ crossings(personRef: "x", first: 100) { person { crossings(first: 100) { id } } } }`;
    await expectTooComplex(query, /^The operation's estimated cost of 10201 exceeds the limit of 5000\.$/);
  });

  it("serves an ordinary federated operation within every limit", async () => {
    const res = await gql(`{ crossingPoints { code name neighbourCountry { name } } }`, await as("border-officer"));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});
