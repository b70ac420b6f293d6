/**
 * Subgraphs answer only the gateway (R7-1): a call needs a hub-context token signed for that
 * subgraph, of the hub-context type, living no longer than HUB_CONTEXT_TTL_SECONDS, and signed for
 * the very operation (query, operation name, variables) it comes with. The token is checked before
 * the body is parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { gql, hub, hubContextToken, principalOf, world, type HubContextTokenOptions } from "../harness/fixtures";
import { startOwnSubgraph, type OwnedProcess } from "../harness/processes";

const QUERY = `{ crossingPoints { code name } }`;
const CROSSINGS = `query ($ref: ID!) { crossings(personRef: $ref, first: 5) { id } }`;
const claims = {
  principal: principalOf("border-officer"),
  purpose: "BORDER_CHECK" as const,
  requestId: "direct-call-test",
};
const borderPolice = () => hub.subgraphs["border-police"]?.url ?? "";
const UNAUTHENTICATED = { code: "UNAUTHENTICATED" };

/** A token for border-police signed for `query` with `variables`. */
const tokenFor = (query: string, variables?: Record<string, unknown>, options?: HubContextTokenOptions) =>
  hubContextToken("border-police", claims, { query, variables }, options);

const call = async (query: string, token: string, variables?: Record<string, unknown>, url = borderPolice()) =>
  gql(query, { url, headers: { "x-hub-context": token }, variables });

function expectRefused(res: { status: number; body: { data?: unknown; errors?: { extensions?: unknown }[] } }) {
  expect(res.status).toBe(401);
  expect(res.body.data ?? null).toBeNull();
  expect(res.body.errors?.[0]?.extensions).toEqual(UNAUTHENTICATED);
}

/** Two persons with crossings: a token for one must not open the other's. */
function twoTravellers(): [string, string] {
  const refs = [...new Set(world().crossings.map((c) => c.personRef))];
  if (refs.length < 2) throw new Error("the seeded world has fewer than two travellers");
  return [refs[0] as string, refs[1] as string];
}

/** POSTs a raw body to border-police, with or without a token. */
async function post(body: string, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(borderPolice(), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { "x-hub-context": token } : {}) },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe("gateway-to-subgraph trust", () => {
  it("refuses a direct call without a hub-context token", async () => {
    expectRefused(await gql(QUERY, { url: borderPolice() }));
  });

  it("refuses a user's identity token in place of a hub-context token", async () => {
    expectRefused(await call(QUERY, "not-a-token"));
  });

  it("refuses a hub-context token signed for another subgraph", async () => {
    const token = await hubContextToken("migration-service", claims, { query: QUERY });
    expectRefused(await call(QUERY, token));
  });

  it.each([
    ["no type", null],
    ["a plain JWT type", "JWT"],
    ["an identity token's type", "at+jwt"],
  ])("refuses a gateway-signed token for this subgraph with %s in its typ header", async (_name, typ) => {
    expectRefused(await call(QUERY, await tokenFor(QUERY, undefined, { typ })));
  });

  it("answers a hub-context token signed by the gateway for this subgraph and this operation", async () => {
    const res = await call(QUERY, await tokenFor(QUERY));
    expect(res.status).toBe(200);
    expect((res.body.data?.crossingPoints as unknown[]).length).toBeGreaterThan(0);
  });
});

describe("a hub-context token opens only the operation it was signed for", () => {
  it("refuses a leaked token replayed with another query", async () => {
    const [ref] = twoTravellers();
    const token = await tokenFor(QUERY);
    expectRefused(await call(CROSSINGS, token, { ref }));
    // The same token still opens what it was signed for.
    expect((await call(QUERY, token)).status).toBe(200);
  });

  it("refuses the same query with other variables", async () => {
    const [mine, theirs] = twoTravellers();
    const token = await tokenFor(CROSSINGS, { ref: mine });
    expect((await call(CROSSINGS, token, { ref: mine })).status).toBe(200);
    expectRefused(await call(CROSSINGS, token, { ref: theirs }));
  });

  it("refuses the same document run as another of its operations", async () => {
    const document = `query Points { crossingPoints { code } } query Names { crossingPoints { name } }`;
    const token = await hubContextToken("border-police", claims, { query: document, operationName: "Points" });
    const asSigned = await post(JSON.stringify({ query: document, operationName: "Points" }), token);
    expect(asSigned.status).toBe(200);
    const other = await post(JSON.stringify({ query: document, operationName: "Names" }), token);
    expect(other.status).toBe(401);
    expect(JSON.parse(other.text).errors[0].extensions).toEqual(UNAUTHENTICATED);
  });

  it("refuses a batch of operations even when the token was signed for one of them", async () => {
    const token = await tokenFor(QUERY);
    const res = await post(JSON.stringify([{ query: QUERY }, { query: QUERY }]), token);
    expect(res.status).toBe(401);
  });
});

describe("a hub-context token lives no longer than HUB_CONTEXT_TTL_SECONDS", () => {
  it("refuses a gateway-signed token given a longer life than the setting (60 s by default)", async () => {
    for (const lifetimeSeconds of [61, 3600]) {
      expectRefused(await call(QUERY, await tokenFor(QUERY, undefined, { lifetimeSeconds })));
    }
  });

  describe("on a subgraph set to a shorter TTL", () => {
    let own: OwnedProcess;
    beforeAll(async () => {
      own = await startOwnSubgraph("border-police", { HUB_CONTEXT_TTL_SECONDS: "20", LOG_LEVEL: "info" });
    });
    afterAll(async () => {
      await own.stop();
    });

    it("refuses what the default accepts, and logs why without the token", async () => {
      const url = `${own.origin}/graphql`;
      expect(
        (await call(QUERY, await tokenFor(QUERY, undefined, { lifetimeSeconds: 20 }), undefined, url)).status,
      ).toBe(200);
      const token = await tokenFor(QUERY, undefined, { lifetimeSeconds: 60 });
      expectRefused(await call(QUERY, token, undefined, url));
      // The log line reaches this process through a pipe, possibly after the response.
      const reason = "lives longer than HUB_CONTEXT_TTL_SECONDS (20 s)";
      for (let waited = 0; !own.output().includes(reason) && waited < 5000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(own.output()).toContain(reason);
      expect(own.output()).not.toContain(token);
      expect(own.output()).not.toContain(token.split(".")[2]);
    });
  });
});

describe("the token is checked before the body is parsed", () => {
  it("answers an oversized body without a token with 401, not 413", async () => {
    const body = JSON.stringify({ query: QUERY, variables: { padding: "x".repeat(2 * 1024 * 1024) } });
    const res = await post(body);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).errors[0].extensions).toEqual(UNAUTHENTICATED);
  });

  it("answers a malformed body without a token with 401, not 400", async () => {
    const res = await post(`{"query": "{ crossingPoints { code } }",`);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).errors[0].extensions).toEqual(UNAUTHENTICATED);
  });

  it("still refuses an oversized body from the gateway (413), once the token is verified", async () => {
    const variables = { padding: "x".repeat(2 * 1024 * 1024) };
    const token = await tokenFor(QUERY, variables);
    const res = await post(JSON.stringify({ query: QUERY, variables }), token);
    expect(res.status).toBe(413);
  });
});
