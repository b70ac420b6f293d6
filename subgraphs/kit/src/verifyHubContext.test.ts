import { describe, expect, it } from "@jest/globals";
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from "jose";
import { HUB_CONTEXT_ISSUER, HUB_CONTEXT_TYPE, hubContextOperationHash, type SubgraphOperation } from "@hub/contracts";
import { checkOperationBinding, createHubContextVerifier, HubContextError } from "./verifyHubContext";

const TTL = 60;
const ISSUED_AT = 1_796_000_000;
const operation: SubgraphOperation = {
  query: "query ($ref: ID!) { person(personRef: $ref) { familyName } }",
  variables: { ref: "PRAAAAAAAAAAAAAAAA", first: 5 },
};
const who = { subject: "officer-0147", agency: "BORDER_POLICE", role: "border-officer" };
const claims = {
  principal: { ...who, purposes: ["BORDER_CHECK"], country: "AM", cases: [] },
  purpose: "BORDER_CHECK",
  requestId: "unit",
};

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA");
  const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "EdDSA" }] };
  const sign = (options: { lifetime?: number; typ?: string; op?: SubgraphOperation } = {}) =>
    new SignJWT({ ...claims, op: hubContextOperationHash(options.op ?? operation) })
      .setProtectedHeader({ alg: "EdDSA", kid: "k1", typ: options.typ ?? HUB_CONTEXT_TYPE })
      .setIssuer(HUB_CONTEXT_ISSUER)
      .setAudience("border-police")
      .setIssuedAt(ISSUED_AT)
      .setExpirationTime(ISSUED_AT + (options.lifetime ?? TTL))
      .sign(privateKey);
  // The clock is frozen at `secondsAfterIssue` after the token was issued.
  const verifierAt = (secondsAfterIssue: number) =>
    createHubContextVerifier(jwks, {
      audience: "border-police",
      ttlSeconds: TTL,
      now: () => new Date((ISSUED_AT + secondsAfterIssue) * 1000),
    });
  return { sign, verifierAt };
}

describe("hub-context token verification", () => {
  it("accepts a token of the hub-context type, within its life, and returns its claims", async () => {
    const { sign, verifierAt } = await setup();
    const verified = await verifierAt(30)(await sign());
    expect(verified).toMatchObject({ ...claims, op: hubContextOperationHash(operation) });
  });

  it("refuses a token given a longer life than HUB_CONTEXT_TTL_SECONDS, even while it is young", async () => {
    const { sign, verifierAt } = await setup();
    await expect(verifierAt(1)(await sign({ lifetime: TTL + 1 }))).rejects.toThrow(/lives longer/);
    await expect(verifierAt(1)(await sign({ lifetime: 3600 }))).rejects.toThrow(HubContextError);
  });

  it("allows 5 s of clock skew around exp, and no more", async () => {
    const { sign, verifierAt } = await setup();
    const token = await sign();
    await expect(verifierAt(TTL + 4)(token)).resolves.toBeDefined();
    await expect(verifierAt(TTL + 6)(token)).rejects.toThrow(/exp/);
    await expect(verifierAt(-4)(token)).resolves.toBeDefined();
    await expect(verifierAt(-6)(token)).rejects.toThrow(/iat/);
  });

  it.each(["JWT", "at+jwt"])("refuses typ %s", async (typ) => {
    const { sign, verifierAt } = await setup();
    await expect(verifierAt(1)(await sign({ typ }))).rejects.toThrow(/typ/);
  });

  it("refuses a missing token", async () => {
    const { verifierAt } = await setup();
    await expect(verifierAt(1)(undefined)).rejects.toThrow(/missing/);
  });
});

describe("binding to the operation", () => {
  const bound = { ...claims, op: hubContextOperationHash(operation) } as Parameters<typeof checkOperationBinding>[0];

  it("accepts the body it was signed for, whatever the order of its variables", () => {
    expect(() =>
      checkOperationBinding(bound, { query: operation.query, variables: { first: 5, ref: "PRAAAAAAAAAAAAAAAA" } }),
    ).not.toThrow();
  });

  it.each([
    ["other variables", { ...operation, variables: { ref: "PRBBBBBBBBBBBBBBBB", first: 5 } }],
    ["another query", { query: "{ crossingPoints { code } }", variables: operation.variables }],
    ["another operation name", { ...operation, operationName: "Other" }],
    ["no variables", { query: operation.query }],
    ["a batch", [operation]],
    ["no query", { variables: operation.variables }],
    ["no body", undefined],
  ])("refuses %s", (_name, body) => {
    expect(() => checkOperationBinding(bound, body)).toThrow(HubContextError);
  });
});
