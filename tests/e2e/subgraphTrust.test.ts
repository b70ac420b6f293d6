/** Subgraphs answer only the gateway: a call without a hub-context token meant for them gets 401 (R7-1). */
import { describe, expect, it } from "@jest/globals";
import { gql, hub, hubContextToken, principalOf } from "../harness/fixtures";

const QUERY = `{ crossingPoints { code name } }`;
const claims = {
  principal: principalOf("border-officer"),
  purpose: "BORDER_CHECK" as const,
  requestId: "direct-call-test",
};
const borderPolice = () => hub.subgraphs["border-police"]?.url ?? "";

describe("gateway-to-subgraph trust", () => {
  it("refuses a direct call without a hub-context token", async () => {
    const res = await gql(QUERY, { url: borderPolice() });
    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a user's identity token in place of a hub-context token", async () => {
    const res = await gql(QUERY, { url: borderPolice(), headers: { "x-hub-context": "not-a-token" } });
    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
  });

  it("refuses a hub-context token signed for another subgraph", async () => {
    const token = await hubContextToken("migration-service", claims);
    const res = await gql(QUERY, { url: borderPolice(), headers: { "x-hub-context": token } });
    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["no type", null],
    ["a plain JWT type", "JWT"],
    ["an identity token's type", "at+jwt"],
  ])("refuses a gateway-signed token for this subgraph with %s in its typ header", async (_name, typ) => {
    const token = await hubContextToken("border-police", claims, typ);
    const res = await gql(QUERY, { url: borderPolice(), headers: { "x-hub-context": token } });
    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers a hub-context token signed by the gateway for this subgraph", async () => {
    const token = await hubContextToken("border-police", claims);
    const res = await gql(QUERY, { url: borderPolice(), headers: { "x-hub-context": token } });
    expect(res.status).toBe(200);
    expect((res.body.data?.crossingPoints as unknown[]).length).toBeGreaterThan(0);
  });
});
