/**
 * The operator's commands on a gateway's trust in identity provider keys: `npm run identity`
 * against a gateway of the test's own, trusting an issuer of its own, on an audit database of its
 * own (a distrust reaches every gateway of that database, so never the shared hub's issuer).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { runHubCommand, withAuditDb } from "../harness/auditDb";
import { gql, hub } from "../harness/fixtures";
import { createOwnAuditDatabase, type OwnAuditDatabase } from "../harness/ownAuditDb";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";

const ISSUER = "https://admin-test.example.gov";
const KID = "admin-test-2026";
const QUERY = `{ crossingPoints { code } }`;

let own: OwnAuditDatabase;
let gateway: OwnedProcess;
let signingKey: CryptoKey;
let env: Record<string, string>;
const adminKey = path.join(hub.keysDir, "admin.key");

function token(): Promise<string> {
  return new SignJWT({ agency: "BORDER_POLICE", role: "border-officer", purposes: ["BORDER_CHECK"], country: "AM" })
    .setProtectedHeader({ alg: "ES256", kid: KID })
    .setIssuer(ISSUER)
    .setAudience("migration-hub")
    .setSubject("bp-border-control")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(signingKey);
}

const identity = (args: string[], origin = gateway.origin) =>
  runHubCommand("gateway/dist/cli/identity.js", [args[0] ?? "", "--gateway", origin, ...args.slice(1)], {
    HUB_ADMIN_KEY: adminKey,
  });

const admin = (route: string, body: unknown, secret = readFileSync(adminKey, "utf8").trim()) =>
  fetch(`${gateway.origin}/admin/identity${route}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  own = await createOwnAuditDatabase();
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  signingKey = privateKey;
  const jwks = path.join(mkdtempSync(path.join(tmpdir(), "identity-admin-")), "jwks.json");
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: "ES256" }] }));
  env = { AUDIT_DATABASE_URL: own.url, HUB_ISSUER: ISSUER, HUB_JWKS: jwks, HUB_ADMIN_KEY: adminKey };
  gateway = await startOwnGateway(env);
});

afterAll(async () => {
  await gateway?.stop();
  await own?.drop();
});

describe("operator commands on identity provider keys", () => {
  it("shows each trusted issuer's keys", async () => {
    const { code, output } = await identity(["status"]);
    expect(code).toBe(0);
    const issuers = (JSON.parse(output) as { issuers: { issuer: string; keyIds: string[]; state: string }[] }).issuers;
    expect(issuers.find((i) => i.issuer === ISSUER)).toMatchObject({ keyIds: [KID], state: "fresh" });
  });

  it("refuses a command without the operator secret, with a wrong one, or without an operator", async () => {
    expect((await fetch(`${gateway.origin}/admin/identity`)).status).toBe(401);
    expect((await admin("/refresh", { operator: "jdoe" }, "x".repeat(43))).status).toBe(401);
    const anonymous = await admin("/refresh", {});
    expect(anonymous.status).toBe(400);
    const injected = await admin("/refresh", { operator: "jdoe\nlevel=fatal" });
    expect(injected.status).toBe(400);
    expect(
      (await admin("/distrust", { operator: "jdoe", issuer: "https://nobody.example", keyId: KID, reason: "test" }))
        .status,
    ).toBe(404);
  });

  it("refreshes the keys on command and audits it under the operator's name", async () => {
    const { code, output } = await identity(["refresh", "--operator", "jdoe"]);
    expect(code).toBe(0);
    const { eventId } = JSON.parse(output) as { eventId: string };
    const event = await withAuditDb(
      async (db) =>
        (await db.query<{ content: string }>("SELECT content FROM audit_event WHERE id = $1", [eventId])).rows[0],
      own.url,
    );
    expect(JSON.parse(event?.content ?? "{}")).toMatchObject({
      outcome: "ADMINISTERED",
      subject: "jdoe",
      purpose: null,
      administration: { action: "refresh-keys", operator: "jdoe" },
    });
  });

  it("distrusts a key at once, audited, logged, and still after a restart", async () => {
    expect(
      (await gql(QUERY, { token: await token(), purpose: "BORDER_CHECK", url: `${gateway.origin}/graphql` })).status,
    ).toBe(200);
    const { code, output } = await identity([
      "distrust",
      "--operator",
      "jdoe",
      "--issuer",
      ISSUER,
      "--kid",
      KID,
      "--reason",
      "private key exposed in an incident",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({ result: expect.stringContaining(`key ${KID} distrusted`) });

    // The same token, verified and cached a moment ago, is refused from now on.
    const refused = await gql(QUERY, {
      token: await token(),
      purpose: "BORDER_CHECK",
      url: `${gateway.origin}/graphql`,
    });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "distrusted-key" });
    expect(gateway.output()).toMatch(
      /"reason":"distrusted-key".*"msg":"token rejected"|"msg":"token rejected".*"reason":"distrusted-key"/,
    );

    const rows = await withAuditDb(
      async (db) =>
        (await db.query<{ content: string }>("SELECT content FROM audit_event WHERE content LIKE '%distrust-key%'"))
          .rows,
      own.url,
    );
    expect(rows.map((r) => JSON.parse(r.content) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        administration: expect.objectContaining({ action: "distrust-key", issuer: ISSUER, keyId: KID }),
      }),
    ]);

    // A gateway started afterwards on the same audit database reads the distrust.
    const second = await startOwnGateway(env);
    try {
      const later = await gql(QUERY, {
        token: await token(),
        purpose: "BORDER_CHECK",
        url: `${second.origin}/graphql`,
      });
      expect(later.body.errors?.[0]?.extensions?.reason).toBe("distrusted-key");
    } finally {
      await second.stop();
    }
  });
});
