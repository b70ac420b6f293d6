/**
 * A gateway configured with only the issuer URL of a real OpenID provider (oidc-provider, started
 * beside it): keys through discovery, client-credentials tokens, scopes narrowing purposes,
 * delegation and DPoP recorded in the audit, rotation without a restart, a removed key and a
 * distrusted one refused, every refusal with its reason in the answer, the log and the audit.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { auditEventOf, withAuditDb } from "../harness/auditDb";
import { gql, hub, type Answer } from "../harness/fixtures";
import { dpopKey, dpopProof, startIdentityProvider, type IdentityProvider } from "../harness/identityProvider";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";
import { personOf, traveller } from "../harness/travellerQuery";

const COOLDOWN_SECONDS = 1;
let idp: IdentityProvider;
let gateway: OwnedProcess;
beforeAll(async () => {
  idp = await startIdentityProvider();
  gateway = await startOwnGateway({
    // The issuer alone: its keys come through its discovery document.
    HUB_ISSUER: idp.issuer,
    HUB_CLAIM_PRESET: "oidc-provider",
    HUB_KEYS_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
  });
});
afterAll(async () => {
  await gateway?.stop();
  await idp?.close();
});

/** Federated: the Migration Service's identity and the Border Police's crossings of one traveller. */
const PERSON = `query ($ref: ID!) { person(personRef: $ref) { givenName crossings(first: 1) { direction } } }`;
/** Reference data every caller may read under any purpose: what is tested with it is authentication. */
const REFERENCE = `{ crossingPoints { code } }`;

function call(
  token: string,
  purpose: string,
  { scheme = "Bearer", proof, query = REFERENCE }: { scheme?: "Bearer" | "DPoP"; proof?: string; query?: string } = {},
): Promise<Answer> {
  return gql(query, {
    url: `${gateway.origin}/graphql`,
    purpose,
    variables: query === PERSON ? { ref: traveller().personRef } : {},
    headers: { authorization: `${scheme} ${token}`, ...(proof ? { dpop: proof } : {}) },
  });
}

const reasonOf = (res: Answer) => res.body.errors?.[0]?.extensions?.reason;
const auditOf = (res: Answer) => auditEventOf(res.headers.get("x-request-id"));
/** An unknown key id makes the gateway fetch the keys at most once per cool-down since its last fetch. */
const coolDown = () => new Promise((r) => setTimeout(r, COOLDOWN_SECONDS * 1000 + 200));

/** The audit record of an operator's command (it has no request of a caller). */
const auditEventById = (id: string) =>
  withAuditDb(async (db) => {
    const { rows } = await db.query<{ content: string }>("SELECT content FROM audit_event WHERE id = $1", [id]);
    return rows[0] ? (JSON.parse(rows[0].content) as Record<string, unknown>) : undefined;
  });

async function admin(command: "refresh" | "distrust", body: Record<string, string>) {
  const secret = readFileSync(path.join(hub.keysDir, "admin.key"), "utf8").trim();
  const res = await fetch(`${gateway.origin}/admin/identity/${command}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { eventId: string; result: string };
}

describe("a gateway given only the issuer URL of a real provider", () => {
  it("finds the keys through discovery and reports them on /readyz", async () => {
    const res = await fetch(`${gateway.origin}/readyz`);
    const body = (await res.json()) as { checks: Record<string, { ok: boolean; detail?: string }> };
    expect(res.status).toBe(200);
    expect(body.checks.keys).toMatchObject({ ok: true, detail: expect.stringContaining(`${idp.issuer}: 1 key(s)`) });
  });

  it("serves a federated answer to a client-credentials token and audits who called with which token", async () => {
    const { accessToken } = await idp.clientCredentialsToken({
      client: "bp-border-control",
      scopes: ["purpose:BORDER_CHECK"],
    });
    const res = await call(accessToken, "BORDER_CHECK", { query: PERSON });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(personOf(res)).toMatchObject({ givenName: traveller().givenName, crossings: [expect.anything()] });
    expect(await auditOf(res)).toMatchObject({
      outcome: "ALLOWED",
      subject: "bp-border-control",
      agency: "BORDER_POLICE",
      purpose: "BORDER_CHECK",
      caller: {
        issuer: idp.issuer,
        clientId: "bp-border-control",
        tokenId: decodeJwt(accessToken).jti,
        keyId: decodeProtectedHeader(accessToken).kid,
        onBehalfOf: null,
        delegation: null,
        binding: "bearer",
      },
    });
  });

  it("honours a token asked for one purpose: the client's other purpose is refused with it", async () => {
    const narrow = await idp.clientCredentialsToken({ client: "bp-border-control", scopes: ["purpose:BORDER_CHECK"] });
    const refused = await call(narrow.accessToken, "RETURN_ENFORCEMENT");
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("PURPOSE_NOT_ALLOWED");
    const both = await idp.clientCredentialsToken({
      client: "bp-border-control",
      scopes: ["purpose:BORDER_CHECK", "purpose:RETURN_ENFORCEMENT"],
    });
    expect((await call(both.accessToken, "RETURN_ENFORCEMENT")).status).toBe(200);
  });

  it("records the system and the officer it acts for (RFC 8693 token exchange)", async () => {
    const { accessToken } = await idp.exchangeToken({
      client: "bp-border-control",
      officer: "officer-0147",
      scopes: ["purpose:BORDER_CHECK"],
    });
    const res = await call(accessToken, "BORDER_CHECK");
    expect(res.status).toBe(200);
    expect(await auditOf(res)).toMatchObject({
      subject: "bp-border-control",
      caller: {
        issuer: idp.issuer,
        clientId: "bp-border-control",
        tokenId: decodeJwt(accessToken).jti,
        onBehalfOf: "officer-0147",
        delegation: "act",
      },
    });
  });

  it("verifies a DPoP-bound token with its proof, and refuses it as a bearer token or with a replayed proof", async () => {
    const key = await dpopKey();
    const { accessToken, tokenType } = await idp.clientCredentialsToken({ client: "ms-asylum", dpop: key });
    expect(tokenType).toBe("DPoP");
    const proof = await dpopProof(key, { method: "POST", url: `${gateway.origin}/graphql`, accessToken });
    const served = await call(accessToken, "ASYLUM_PROCEDURE", { scheme: "DPoP", proof });
    expect(served.status).toBe(200);
    expect((await auditOf(served))?.caller).toMatchObject({ clientId: "ms-asylum", binding: "dpop" });

    const replayed = await call(accessToken, "ASYLUM_PROCEDURE", { scheme: "DPoP", proof });
    expect(replayed.status).toBe(401);
    expect(reasonOf(replayed)).toBe("dpop-replayed");

    const downgraded = await call(accessToken, "ASYLUM_PROCEDURE");
    expect(downgraded.status).toBe(401);
    expect(reasonOf(downgraded)).toBe("dpop-required");
    expect(downgraded.headers.get("www-authenticate")).toMatch(/^DPoP /);
    expect(await auditOf(downgraded)).toMatchObject({
      outcome: "REJECTED",
      authentication: { reason: "dpop-required", issuer: idp.issuer },
    });
  });

  it("picks up a rotated key with its first token, without a restart", async () => {
    const before = await idp.clientCredentialsToken({ client: "ms-residence" });
    expect((await call(before.accessToken, "RESIDENCE_ADMIN")).status).toBe(200);
    const newKid = await idp.rotate();
    const after = await idp.clientCredentialsToken({ client: "ms-residence" });
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
    await coolDown();
    const res = await call(after.accessToken, "RESIDENCE_ADMIN");
    expect(res.status).toBe(200);
    expect((await auditOf(res))?.caller?.keyId).toBe(newKid);
    // The old key is still published: its tokens still serve.
    expect((await call(before.accessToken, "RESIDENCE_ADMIN")).status).toBe(200);
  });

  it("refuses a key the provider removed once the operator's refresh (audited) has seen it gone", async () => {
    const old = await idp.clientCredentialsToken({ client: "so-statistics" });
    const oldKid = decodeProtectedHeader(old.accessToken).kid;
    expect((await call(old.accessToken, "OFFICIAL_STATISTICS")).status).toBe(200);
    await idp.rotate();
    const current = await idp.clientCredentialsToken({ client: "so-statistics" });
    await coolDown();
    expect((await call(current.accessToken, "OFFICIAL_STATISTICS")).status).toBe(200);
    expect(await idp.retire()).toContain(oldKid);

    const refresh = await admin("refresh", { operator: "ops-0007", issuer: idp.issuer });
    expect(refresh.result).toContain(`${idp.issuer}: fresh, 1 key(s)`);
    expect(await auditEventById(refresh.eventId)).toMatchObject({
      outcome: "ADMINISTERED",
      subject: "ops-0007",
      administration: { action: "refresh-keys", issuer: idp.issuer, operator: "ops-0007" },
    });
    const refused = await call(old.accessToken, "OFFICIAL_STATISTICS");
    expect(refused.status).toBe(401);
    expect(reasonOf(refused)).toBe("unknown-key");
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer realm="migration-hub", error="invalid_token"/);
    expect(await auditOf(refused)).toMatchObject({
      outcome: "REJECTED",
      subject: null,
      // A key id the provider no longer publishes is not one the hub can vouch for: a forger could
      // have written it, so the record names none (docs/identity.md, "Reading authentication failures").
      authentication: { reason: "unknown-key", issuer: idp.issuer, keyId: null },
    });
    expect(gateway.output()).toMatch(
      /"reason":"unknown-key".*"msg":"token rejected"|"msg":"token rejected".*"reason":"unknown-key"/,
    );
    expect((await call(current.accessToken, "OFFICIAL_STATISTICS")).status).toBe(200);
  });

  it("refuses a key the operator distrusted, though the provider still publishes it", async () => {
    const { accessToken } = await idp.clientCredentialsToken({ client: "hub-audit" });
    const kid = decodeProtectedHeader(accessToken).kid ?? "";
    expect(await idp.publishedKeyIds()).toContain(kid);
    const distrust = await admin("distrust", {
      operator: "ops-0007",
      issuer: idp.issuer,
      keyId: kid,
      reason: "key exposed in a trial of the distrust command",
    });
    expect(distrust.result).toBe(`key ${kid} distrusted (still published by the provider)`);
    expect(await auditEventById(distrust.eventId)).toMatchObject({
      outcome: "ADMINISTERED",
      administration: { action: "distrust-key", issuer: idp.issuer, keyId: kid, operator: "ops-0007" },
    });
    const refused = await call(accessToken, "AUDIT");
    expect(refused.status).toBe(401);
    expect(reasonOf(refused)).toBe("distrusted-key");
  });
});
