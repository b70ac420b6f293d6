/**
 * The identity provider down: at the gateway's start (not ready, 503, then served without a
 * restart once it answers) and during operation (the keys held still serve within
 * HUB_KEYS_STALE_SECONDS, 503 AUTHENTICATION_UNAVAILABLE past it, recovery when it is back).
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { auditEventOf } from "../harness/auditDb";
import { gql, type Answer } from "../harness/fixtures";
import { startIdentityProvider, type IdentityProvider } from "../harness/identityProvider";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";

/** The shortest refresh interval the gateway accepts: keys are due again this long after a fetch. */
const REFRESH_SECONDS = 10;

const providers: IdentityProvider[] = [];
const gateways: OwnedProcess[] = [];
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop("SIGKILL")));
  await Promise.all(providers.map((p) => p.close()));
});

async function provider(): Promise<IdentityProvider> {
  const started = await startIdentityProvider();
  providers.push(started);
  return started;
}

async function gatewayTrusting(idp: IdentityProvider, overrides: Record<string, string> = {}) {
  const gateway = await startOwnGateway({
    HUB_ISSUER: idp.issuer,
    HUB_CLAIM_PRESET: "oidc-provider",
    ...overrides,
  });
  gateways.push(gateway);
  return gateway;
}

const call = (gateway: OwnedProcess, token: string): Promise<Answer> =>
  gql(`{ crossingPoints { code } }`, { url: `${gateway.origin}/graphql`, token, purpose: "BORDER_CHECK" });

async function keysCheck(gateway: OwnedProcess) {
  const res = await fetch(`${gateway.origin}/readyz`);
  const body = (await res.json()) as { checks: Record<string, { ok: boolean; detail?: string }> };
  return { status: res.status, keys: body.checks.keys };
}

/** Asks until the gateway serves the token: it retries a provider that failed at most every few seconds. */
async function servedEventually(gateway: OwnedProcess, token: string): Promise<Answer> {
  const deadline = Date.now() + 30_000;
  let last = await call(gateway, token);
  while (last.status !== 200 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await call(gateway, token);
  }
  return last;
}

/** The process logged the line (waiting for it: output arrives through a pipe, a moment after the fact). */
async function expectLogged(gateway: OwnedProcess, line: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!line.test(gateway.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(gateway.output()).toMatch(line);
}

const unavailable = (res: Answer) => ({
  status: res.status,
  code: res.body.errors?.[0]?.extensions?.code,
  reason: res.body.errors?.[0]?.extensions?.reason,
});

describe("an identity provider down when the gateway starts", () => {
  it("leaves the gateway live but not ready, answering 503, until the provider answers", async () => {
    const idp = await provider();
    const { accessToken } = await idp.clientCredentialsToken({ client: "bp-border-control" });
    await idp.stop();
    const gateway = await gatewayTrusting(idp);

    const before = await keysCheck(gateway);
    expect(before.status).toBe(503);
    expect(before.keys).toMatchObject({ ok: false, detail: expect.stringContaining(idp.issuer) });
    const refused = await call(gateway, accessToken);
    expect(unavailable(refused)).toEqual({
      status: 503,
      code: "AUTHENTICATION_UNAVAILABLE",
      reason: "keys-unavailable",
    });
    expect(await auditEventOf(refused.headers.get("x-request-id"))).toMatchObject({
      outcome: "REJECTED",
      authentication: { reason: "keys-unavailable", issuer: idp.issuer },
    });
    await expectLogged(gateway, /"msg":"identity provider unavailable at start/);

    await idp.restart();
    expect((await servedEventually(gateway, accessToken)).status).toBe(200);
    expect(await keysCheck(gateway)).toMatchObject({ status: 200, keys: { ok: true } });
  });
});

describe("an identity provider that stops while the gateway serves", () => {
  it("is outlived within the stale bound, answers 503 past it, and is picked up again when it is back", async () => {
    const idp = await provider();
    const tolerant = await gatewayTrusting(idp, {
      HUB_KEYS_REFRESH_SECONDS: String(REFRESH_SECONDS),
      HUB_KEYS_STALE_SECONDS: "3600",
    });
    const strict = await gatewayTrusting(idp, {
      HUB_KEYS_REFRESH_SECONDS: String(REFRESH_SECONDS),
      HUB_KEYS_STALE_SECONDS: "0",
    });
    // Both fetched the keys while starting: they are due again within REFRESH_SECONDS of now.
    const fetchedBy = Date.now();
    const first = await idp.clientCredentialsToken({ client: "bp-border-control" });
    expect((await call(tolerant, first.accessToken)).status).toBe(200);
    expect((await call(strict, first.accessToken)).status).toBe(200);
    // Tokens issued before the outage and not yet seen by either gateway (so no cached verification).
    const [later, again] = await Promise.all([
      idp.clientCredentialsToken({ client: "bp-border-control" }),
      idp.clientCredentialsToken({ client: "bp-border-control" }),
    ]);

    await idp.stop();
    // Waiting for the keys to come due, not measuring anything: later is as good as sooner.
    await new Promise((r) => setTimeout(r, Math.max(0, fetchedBy + REFRESH_SECONDS * 1000 + 500 - Date.now())));

    const within = await call(tolerant, later.accessToken);
    expect(within.status).toBe(200);
    expect(await keysCheck(tolerant)).toMatchObject({
      status: 200,
      keys: { ok: true, detail: expect.stringContaining("stale") },
    });
    await expectLogged(tolerant, /"msg":"identity provider keys? refresh failed/);

    expect(unavailable(await call(strict, later.accessToken))).toEqual({
      status: 503,
      code: "AUTHENTICATION_UNAVAILABLE",
      reason: "keys-unavailable",
    });
    expect((await keysCheck(strict)).status).toBe(503);
    await expectLogged(strict, /"msg":"identity provider keys unavailable/);

    await idp.restart();
    expect((await servedEventually(strict, again.accessToken)).status).toBe(200);
    await expectLogged(strict, /"msg":"identity provider keys recovered/);
    expect((await call(tolerant, again.accessToken)).status).toBe(200);
  });
});
