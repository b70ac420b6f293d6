/** Every way a token can be wrong is answered 401 UNAUTHENTICATED, with no data. */
import { describe, expect, it } from "@jest/globals";
import { badTokens, gql } from "../harness/fixtures";

const QUERY = `{ crossingPoints { code name } }`;

async function expectRefused(token: string | undefined, message: RegExp) {
  const res = await gql(QUERY, { token, purpose: "BORDER_CHECK" });
  expect(res.status).toBe(401);
  // RFC 6750: a 401 names the scheme; with a token, why it was refused, never the token itself.
  const challenge = res.headers.get("www-authenticate") ?? "";
  expect(challenge).toMatch(/^Bearer realm="migration-hub"/);
  if (token) {
    expect(challenge).toMatch(/error="invalid_token", error_description="[^"]+"$/);
    expect(challenge).not.toContain(token.split(".")[1] ?? token);
  } else {
    expect(challenge).toBe('Bearer realm="migration-hub"');
  }
  expect(res.body.data ?? null).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(res.body.errors?.[0]?.message).toMatch(message);
}

describe("authentication at the gateway", () => {
  it("refuses a request without a token", async () => {
    await expectRefused(undefined, /bearer token is required/);
  });

  it("refuses a malformed Authorization header", async () => {
    const res = await gql(QUERY, { purpose: "BORDER_CHECK", headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.errors?.[0]?.message).toMatch(/must be "Bearer <JWT>"/);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="migration-hub", error="invalid_token"/);
  });

  it("refuses an expired token", async () => {
    await expectRefused(await badTokens.expired(), /expired/);
  });

  it("refuses a token from another issuer", async () => {
    await expectRefused(await badTokens.wrongIssuer(), /"iss" claim/);
  });

  it("refuses a token meant for another audience", async () => {
    await expectRefused(await badTokens.wrongAudience(), /"aud" claim/);
  });

  it("refuses an unsigned token (alg: none)", async () => {
    await expectRefused(await badTokens.algNone(), /algorithm|malformed/);
  });

  it("refuses an HS256 token keyed with the provider's public key", async () => {
    await expectRefused(await badTokens.hs256WithPublicKey(), /algorithm/);
  });

  it("refuses a token signed by an unknown key", async () => {
    await expectRefused(await badTokens.unknownKid(), /key id/);
  });
});
