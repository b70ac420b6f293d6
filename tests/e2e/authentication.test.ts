/**
 * Every way a token can be wrong is answered 401 UNAUTHENTICATED, with no data, a stable reason,
 * and an audit record that keeps the reason (never the token).
 */
import { describe, expect, it } from "@jest/globals";
import { auditEventOf } from "../harness/auditDb";
import { as, badTokens, gql } from "../harness/fixtures";

const QUERY = `{ crossingPoints { code name } }`;

async function expectRefused(token: string | undefined, message: RegExp, reason: string) {
  const res = await gql(QUERY, { token, purpose: "BORDER_CHECK" });
  expect(res.body.errors?.[0]?.extensions?.reason).toBe(reason);
  const event = await auditEventOf(res.headers.get("x-request-id"));
  expect(event).toMatchObject({ outcome: "REJECTED", authentication: { reason } });
  expect(event?.caller).toBeUndefined();
  if (token) expect(JSON.stringify(event)).not.toContain(token.split(".")[1] ?? token);
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
    await expectRefused(undefined, /bearer token is required/, "missing-token");
  });

  it("refuses a malformed Authorization header", async () => {
    const res = await gql(QUERY, { purpose: "BORDER_CHECK", headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.errors?.[0]?.message).toMatch(/must be "Bearer <JWT>"/);
    expect(res.body.errors?.[0]?.extensions?.reason).toBe("wrong-scheme");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="migration-hub", error="invalid_token"/);
  });

  it("refuses an expired token", async () => {
    await expectRefused(await badTokens.expired(), /expired/, "expired");
  });

  it("refuses a token from another issuer", async () => {
    await expectRefused(await badTokens.wrongIssuer(), /"iss" claim/, "unknown-issuer");
  });

  it("refuses a token meant for another audience", async () => {
    await expectRefused(await badTokens.wrongAudience(), /"aud" claim/, "wrong-audience");
  });

  it("refuses an unsigned token (alg: none)", async () => {
    await expectRefused(await badTokens.algNone(), /algorithm/, "algorithm");
  });

  it("refuses an HS256 token keyed with the provider's public key", async () => {
    await expectRefused(await badTokens.hs256WithPublicKey(), /algorithm/, "algorithm");
  });

  it("refuses a token signed by an unknown key", async () => {
    await expectRefused(await badTokens.unknownKid(), /key id/, "unknown-key");
  });

  it("records who called an allowed request: the issuer, client, token and key ids", async () => {
    const res = await gql(QUERY, await as("border-officer"));
    expect(res.status).toBe(200);
    const event = await auditEventOf(res.headers.get("x-request-id"));
    expect(event?.caller).toEqual({
      issuer: "urn:migration-hub:demo-idp",
      clientId: null,
      tokenId: null,
      keyId: expect.stringMatching(/^idp-/),
      onBehalfOf: null,
      delegation: null,
      binding: "bearer",
    });
    expect(event?.authentication).toBeUndefined();
  });

  it("refuses a development token without the RFC 9068 type", async () => {
    await expectRefused(await badTokens.untyped(), /type/, "wrong-type");
  });
});
