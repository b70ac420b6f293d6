/**
 * The local OpenID provider as the hub sees it: discovery, its keys, client-credentials and
 * token-exchange access tokens (RFC 9068) with the hub's claims, scopes, DPoP binding, rotation
 * and restarts; and a gateway that trusts it serving a federated answer to its token.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";
import { gql } from "../harness/fixtures";
import {
  dpopKey,
  dpopProof,
  startIdentityProvider,
  TokenRequestRefused,
  type IdentityProvider,
} from "../harness/identityProvider";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";
import { traveller } from "../harness/travellerQuery";

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider();
});
afterAll(() => idp?.close());

const verify = (token: string, jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(idp.jwksUri))) =>
  jwtVerify(token, jwks, { issuer: idp.issuer, audience: "migration-hub", algorithms: ["ES256"], typ: "at+jwt" });

async function jwks(): Promise<JSONWebKeySet> {
  return (await (await fetch(idp.jwksUri)).json()) as JSONWebKeySet;
}

describe("the local identity provider", () => {
  it("publishes a discovery document whose issuer is its own and whose jwks_uri serves public keys only", async () => {
    const res = await fetch(idp.discoveryUrl);
    expect(res.status).toBe(200);
    const discovery = (await res.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: idp.jwksUri,
      token_endpoint: idp.tokenEndpoint,
      token_endpoint_auth_methods_supported: ["client_secret_basic"],
      grant_types_supported: ["client_credentials", "urn:ietf:params:oauth:grant-type:token-exchange"],
    });
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["purpose:BORDER_CHECK", "purpose:AUDIT"]));
    expect(discovery.dpop_signing_alg_values_supported).toEqual(expect.arrayContaining(["ES256"]));
    const { keys } = await jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(Object.keys(keys[0] ?? {})).not.toContain("d");
  });

  it("issues an at+jwt client-credentials token for the hub with the client's claims", async () => {
    const before = Math.floor(Date.now() / 1000);
    const issued = await idp.clientCredentialsToken({
      client: "bp-border-control",
      scopes: ["purpose:BORDER_CHECK", "purpose:RETURN_ENFORCEMENT"],
    });
    expect(issued).toMatchObject({ tokenType: "Bearer", expiresIn: 600 });
    const { payload, protectedHeader } = await verify(issued.accessToken);
    expect(protectedHeader).toMatchObject({ alg: "ES256", typ: "at+jwt", kid: (await idp.publishedKeyIds())[0] });
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: "migration-hub",
      sub: "bp-border-control",
      client_id: "bp-border-control",
      scope: "purpose:BORDER_CHECK purpose:RETURN_ENFORCEMENT",
      agency: "BORDER_POLICE",
      role: "border-officer",
      country: "AM",
      purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"],
    });
    expect(payload.jti).toEqual(expect.any(String));
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
    expect(payload.cnf).toBeUndefined();
  });

  it("names a foreign recipient's authority and country, never an agency", async () => {
    const { accessToken } = await idp.clientCredentialsToken({ client: "tr-pmm-readmission" });
    const { payload } = await verify(accessToken);
    expect(payload).toMatchObject({ authority: "TR-PMM", country: "TR", role: "readmission-officer" });
    expect(payload.agency).toBeUndefined();
  });

  it("grants only the scopes asked for, and refuses a purpose the client was not given or a wrong secret", async () => {
    const narrow = await idp.clientCredentialsToken({ client: "bp-border-control", scopes: ["purpose:BORDER_CHECK"] });
    expect(narrow.scope).toBe("purpose:BORDER_CHECK");
    expect((await verify(narrow.accessToken)).payload.scope).toBe("purpose:BORDER_CHECK");
    await expect(
      idp.clientCredentialsToken({ client: "bp-border-control", scopes: ["purpose:AUDIT"] }),
    ).rejects.toMatchObject({ status: 400, error: "invalid_scope" });
    await expect(
      idp.clientCredentialsToken({ client: "bp-border-control", secret: "not-the-secret-of-this-client" }),
    ).rejects.toMatchObject({ status: 401, error: "invalid_client" });
  });

  it("binds a token to the DPoP key of the proof sent to the token endpoint, and refuses a replayed proof", async () => {
    const key = await dpopKey();
    const bound = await idp.clientCredentialsToken({ client: "ms-asylum", dpop: key });
    expect(bound.tokenType).toBe("DPoP");
    expect((await verify(bound.accessToken)).payload.cnf).toEqual({ jkt: key.thumbprint });
    const proof = await dpopProof(key, { method: "POST", url: idp.tokenEndpoint });
    await idp.clientCredentialsToken({ client: "ms-asylum", dpop: proof });
    const replay = idp.clientCredentialsToken({ client: "ms-asylum", dpop: proof });
    await expect(replay).rejects.toBeInstanceOf(TokenRequestRefused);
    await expect(replay).rejects.toMatchObject({ status: 400, error: "invalid_grant" });
  });

  it("exchanges a system's credentials for a token on behalf of its officer (act + sub)", async () => {
    const exchanged = await idp.exchangeToken({
      client: "bp-border-control",
      officer: "officer-0147",
      scopes: ["purpose:BORDER_CHECK"],
    });
    expect(exchanged.issuedTokenType).toBe("urn:ietf:params:oauth:token-type:access_token");
    const { payload } = await verify(exchanged.accessToken);
    expect(payload).toMatchObject({
      sub: "officer-0147",
      act: { sub: "bp-border-control" },
      client_id: "bp-border-control",
      scope: "purpose:BORDER_CHECK",
      agency: "BORDER_POLICE",
    });
    await expect(
      idp.exchangeToken({ client: "bp-border-control", officer: "officer-0147", scopes: ["purpose:AUDIT"] }),
    ).rejects.toMatchObject({ error: "invalid_scope" });
    await expect(idp.exchangeToken({ client: "bp-border-control", officer: "not an id" })).rejects.toMatchObject({
      error: "invalid_request",
    });
    // Never a bearer token for a client that asked for a bound one.
    await expect(
      idp.exchangeToken({ client: "bp-border-control", officer: "officer-0147", dpop: await dpopKey() }),
    ).rejects.toMatchObject({ error: "invalid_request", description: expect.stringMatching(/DPoP/) });
  });

  it("rotates to a new signing key without a restart and keeps the old one published until retired", async () => {
    const [oldKid] = await idp.publishedKeyIds();
    const before = await idp.clientCredentialsToken({ client: "ms-residence" });
    const newKid = await idp.rotate();
    expect(newKid).not.toBe(oldKid);
    expect(await idp.publishedKeyIds()).toEqual([newKid, oldKid]);
    const after = await idp.clientCredentialsToken({ client: "ms-residence" });
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
    await verify(before.accessToken, createLocalJWKSet(await jwks()));

    expect(await idp.retire()).toEqual([oldKid]);
    expect(await idp.publishedKeyIds()).toEqual([newKid]);
    const current = createLocalJWKSet(await jwks());
    await verify(after.accessToken, current);
    await expect(verify(before.accessToken, current)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
  });

  it("stops, and restarts on the same port with the same keys and client secrets", async () => {
    const kids = await idp.publishedKeyIds();
    await idp.stop();
    await expect(fetch(idp.discoveryUrl)).rejects.toThrow();
    await idp.restart();
    expect(await idp.publishedKeyIds()).toEqual(kids);
    const { accessToken } = await idp.clientCredentialsToken({ client: "hub-audit" });
    expect(decodeProtectedHeader(accessToken).kid).toBe(kids[0]);
  });
});

describe("a gateway given the provider's jwks_uri, reading its tokens with the default (hub) claim preset", () => {
  let gateway: OwnedProcess;
  beforeAll(async () => {
    gateway = await startOwnGateway({ HUB_JWKS: idp.jwksUri, HUB_ISSUER: idp.issuer });
  });
  afterAll(() => gateway?.stop());

  const query = `query ($ref: ID!) { person(personRef: $ref) { givenName crossings(first: 1) { direction } } }`;

  it("serves a federated answer to a client-credentials token of the provider", async () => {
    const person = traveller();
    const { accessToken } = await idp.clientCredentialsToken({
      client: "bp-border-control",
      scopes: ["purpose:BORDER_CHECK"],
    });
    const res = await gql(query, {
      url: `${gateway.origin}/graphql`,
      token: accessToken,
      purpose: "BORDER_CHECK",
      variables: { ref: person.personRef },
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.person).toMatchObject({ givenName: person.givenName, crossings: [expect.anything()] });
  });

  it("is the only gateway that does: the shared hub, trusting its development key, refuses the token", async () => {
    const { accessToken } = await idp.clientCredentialsToken({ client: "bp-border-control" });
    const res = await gql(query, {
      token: accessToken,
      purpose: "BORDER_CHECK",
      variables: { ref: traveller().personRef },
    });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "unknown-issuer" });
  });
});
