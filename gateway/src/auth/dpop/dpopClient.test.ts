import { describe, expect, it } from "@jest/globals";
import * as DpopClient from "dpop";
import { decodeJwt, type JWTPayload } from "jose";
import { checkDpop, type DpopRequest } from "./checkDpop";
import { DEFAULT_DPOP } from "./DpopSettings";
import { memoryReplayStore } from "./memoryReplayStore";

// Proofs from a client library the hub did not write: panva's `dpop`.
const dpopClient = async () => DpopClient;

const URL_ = "https://hub.example/graphql";
// The access token's signature was verified before checkDpop; only its text (for `ath`) and claims matter here.
const ACCESS_TOKEN = "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJib3JkZXItc3lzdGVtIn0.c2lnbmF0dXJl";

/** A request as the client library makes it; the hub's clock is frozen at the proof's own issue time. */
async function clientRequest(alg: DpopClient.JWSAlgorithm, htu = URL_, htm = "POST") {
  const dpop = await dpopClient();
  const keys = await dpop.generateKeyPair(alg);
  const proof = await dpop.generateProof(keys, htu, htm, undefined, ACCESS_TOKEN);
  const jkt = await dpop.calculateThumbprint(keys.publicKey);
  const payload: JWTPayload = { sub: "border-system", cnf: { jkt } };
  const request: DpopRequest = {
    scheme: "dpop",
    accessToken: ACCESS_TOKEN,
    payload,
    proofs: [proof],
    method: "POST",
    url: URL_,
  };
  const issuedAt = (decodeJwt(proof).iat ?? 0) * 1000;
  return { request, jkt, now: () => issuedAt + 1000 };
}

describe("checkDpop with proofs from the dpop client library", () => {
  it.each<DpopClient.JWSAlgorithm>(["ES256", "Ed25519", "RS256", "PS256"])("accepts a %s proof", async (alg) => {
    const { request, jkt, now } = await clientRequest(alg);
    await expect(checkDpop(request, DEFAULT_DPOP, memoryReplayStore({ now }), now)).resolves.toEqual({ jkt });
  });

  it("refuses the same client proof twice", async () => {
    const { request, now } = await clientRequest("ES256");
    const store = memoryReplayStore({ now });
    await checkDpop(request, DEFAULT_DPOP, store, now);
    await expect(checkDpop(request, DEFAULT_DPOP, store, now)).rejects.toMatchObject({ reason: "proof-replayed" });
  });

  it("refuses a client proof made for another URL or method", async () => {
    const elsewhere = await clientRequest("ES256", "https://hub.example/admin");
    await expect(checkDpop(elsewhere.request, DEFAULT_DPOP, memoryReplayStore(), elsewhere.now)).rejects.toMatchObject({
      reason: "proof-htu",
    });
    const get = await clientRequest("ES256", URL_, "GET");
    await expect(checkDpop(get.request, DEFAULT_DPOP, memoryReplayStore(), get.now)).rejects.toMatchObject({
      reason: "proof-htm",
    });
  });

  it("refuses a client proof when the hub's clock is past the window", async () => {
    const { request, now } = await clientRequest("ES256");
    const later = () => now() + 70_000;
    await expect(checkDpop(request, DEFAULT_DPOP, memoryReplayStore(), later)).rejects.toMatchObject({
      reason: "proof-iat-stale",
    });
  });
});
