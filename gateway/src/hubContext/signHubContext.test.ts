import { describe, expect, it } from "@jest/globals";
import { decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify } from "jose";
import { HUB_CONTEXT_ISSUER, HUB_CONTEXT_TYPE, hubContextOperationHash } from "@hub/contracts";
import { personaPrincipal } from "../auth/personas";
import { createHubContextSigner } from "./signHubContext";

const claims = {
  principal: personaPrincipal("border-officer", "AM"),
  purpose: "BORDER_CHECK" as const,
  requestId: "unit",
};

describe("hub-context signer", () => {
  it("signs each fetch for its subgraph, of the hub-context type, for exactly the TTL, bound to its operation", async () => {
    const { privateKey } = await generateKeyPair("EdDSA");
    const sign = createHubContextSigner({ key: privateKey, kid: "k1", alg: "EdDSA" }, 45);
    const entities = { query: "query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }" };
    const first = await sign("border-police", claims, { ...entities, variables: { r: [{ personRef: "A" }] } });
    const second = await sign("border-police", claims, { ...entities, variables: { r: [{ personRef: "B" }] } });

    expect(decodeProtectedHeader(first)).toMatchObject({ alg: "EdDSA", kid: "k1", typ: HUB_CONTEXT_TYPE });
    const payload = decodeJwt(first);
    expect(payload).toMatchObject({ aud: "border-police", sub: claims.principal.subject, requestId: "unit" });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(45);
    expect(payload.op).toBe(hubContextOperationHash({ ...entities, variables: { r: [{ personRef: "A" }] } }));
    // Two entity fetches of one request get two tokens, each opening only its own fetch.
    expect(decodeJwt(second).op).not.toBe(payload.op);
  });

  it.each(["EdDSA", "ES256"])(
    "signs %s tokens that jose verifies with the public key, and nothing else",
    async (alg) => {
      const { privateKey, publicKey } = await generateKeyPair(alg);
      const other = await generateKeyPair(alg);
      const token = await createHubContextSigner({ key: privateKey, kid: "k1", alg }, 60)("audit", claims, {
        query: "{ a }",
      });
      const verified = await jwtVerify(token, publicKey, {
        issuer: HUB_CONTEXT_ISSUER,
        audience: "audit",
        algorithms: [alg],
        typ: HUB_CONTEXT_TYPE,
      });
      expect(verified.payload).toMatchObject({
        purpose: "BORDER_CHECK",
        op: hubContextOperationHash({ query: "{ a }" }),
      });
      await expect(jwtVerify(token, other.publicKey, { algorithms: [alg] })).rejects.toThrow();
    },
  );

  it("refuses at start a key it cannot sign hub-context tokens with", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    expect(() => createHubContextSigner({ key: privateKey, kid: "k1", alg: "RS256" }, 60)).toThrow(
      /must be an EdDSA or ES256 key, not RS256/,
    );
  });
});
