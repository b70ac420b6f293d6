/** The declared purpose (X-Purpose) is required, must be on the list and allowed by the token (R5-1). */
import { describe, expect, it } from "@jest/globals";
import { gql, personaToken } from "../harness/fixtures";

const QUERY = `{ crossingPoints { code } }`;

describe("declared purpose", () => {
  it("requires the X-Purpose header", async () => {
    const res = await gql(QUERY, { token: await personaToken("border-officer") });
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("PURPOSE_REQUIRED");
    expect(res.body.errors?.[0]?.extensions?.allowedPurposes).toEqual(["BORDER_CHECK", "RETURN_ENFORCEMENT"]);
  });

  it("refuses a purpose that is not on the closed list", async () => {
    const res = await gql(QUERY, { token: await personaToken("border-officer"), purpose: "MARKETING" });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("PURPOSE_REQUIRED");
  });

  it("refuses a listed purpose the token does not allow", async () => {
    const res = await gql(QUERY, { token: await personaToken("statistician"), purpose: "BORDER_CHECK" });
    expect(res.status).toBe(403);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("PURPOSE_NOT_ALLOWED");
  });

  it("serves an allowed purpose", async () => {
    const res = await gql(QUERY, { token: await personaToken("border-officer"), purpose: "RETURN_ENFORCEMENT" });
    expect(res.status).toBe(200);
    expect((res.body.data?.crossingPoints as unknown[]).length).toBeGreaterThan(0);
  });
});
