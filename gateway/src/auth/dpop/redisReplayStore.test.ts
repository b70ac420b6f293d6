import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, describe, expect, it } from "@jest/globals";
import * as DpopClient from "dpop";
import { Redis } from "ioredis";
import { decodeJwt } from "jose";
import { checkDpop, type DpopRequest } from "./checkDpop";
import { DpopRejected } from "./DpopRejected";
import { DEFAULT_DPOP } from "./DpopSettings";
import { redisReplayStore } from "./redisReplayStore";

// Redis runs on every machine of this project (and CI) at 127.0.0.1:6379.
const redis = new Redis({ host: "127.0.0.1", port: 6379, maxRetriesPerRequest: 1 });
const PREFIX = `dpop-test:${randomUUID()}`;

// panva's `dpop` is ESM-only and Jest transforms only jose: loaded with a native dynamic import.
// Proofs from a client library the hub did not write: panva's `dpop`.
const dpopClient = async () => DpopClient;
const ACCESS_TOKEN = "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJib3JkZXItc3lzdGVtIn0.c2lnbmF0dXJl";

async function boundRequest(): Promise<{ request: DpopRequest; now: () => number; jti: string; jkt: string }> {
  const dpop = await dpopClient();
  const keys = await dpop.generateKeyPair("ES256");
  const proof = await dpop.generateProof(keys, "https://hub.example/graphql", "POST", undefined, ACCESS_TOKEN);
  const jkt = await dpop.calculateThumbprint(keys.publicKey);
  const claims = decodeJwt(proof);
  const at = (claims.iat ?? 0) * 1000;
  const request: DpopRequest = {
    scheme: "dpop",
    accessToken: ACCESS_TOKEN,
    payload: { sub: "border-system", cnf: { jkt } },
    proofs: [proof],
    method: "POST",
    url: "https://hub.example/graphql",
  };
  return { request, now: () => at, jti: String(claims.jti), jkt };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

afterAll(async () => {
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("redisReplayStore", () => {
  it("tells a first use from a second, and lets the key expire with the proof window", async () => {
    const store = redisReplayStore(redis, PREFIX);
    expect(await store.firstUse("k1", 65)).toBe(true);
    expect(await store.firstUse("k1", 65)).toBe(false);
    const ttl = await redis.ttl(`${PREFIX}:k1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(65);
  });

  it("refuses at a second gateway a proof the first one accepted", async () => {
    const { request, now, jkt, jti } = await boundRequest();
    const first = redisReplayStore(redis, PREFIX);
    const second = redisReplayStore(redis, PREFIX);
    await expect(checkDpop(request, DEFAULT_DPOP, first, now)).resolves.toEqual({ jkt });
    await expect(checkDpop(request, DEFAULT_DPOP, second, now)).rejects.toMatchObject({ reason: "proof-replayed" });
    expect(await redis.exists(`${PREFIX}:${jkt}:${jti}`)).toBe(1);
  });

  it("when Redis cannot be reached, refuses the request as unavailable instead of accepting it unchecked", async () => {
    const down = new Redis({
      host: "127.0.0.1",
      port: await closedPort(),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 500,
      retryStrategy: () => null,
    });
    down.on("error", () => undefined);
    try {
      const { request, now } = await boundRequest();
      const refused = await checkDpop(request, DEFAULT_DPOP, redisReplayStore(down, PREFIX), now).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DpopRejected);
      expect(refused).toMatchObject({ reason: "replay-store-unavailable", unavailable: true });
    } finally {
      down.disconnect();
    }
  });
});
