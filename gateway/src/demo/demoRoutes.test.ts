import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import express from "express";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { pino } from "pino";
import { DEFAULT_AUDIENCE, DEMO_ISSUER } from "../auth/identityConfig";
import { loadConfig } from "../config";
import { demoRoutes } from "./demoRoutes";

const stateDir = mkdtempSync(path.join(os.tmpdir(), "hub-demo-"));
const servers: http.Server[] = [];

async function serve(demoMode: "true" | "false"): Promise<string> {
  // Outside demo mode a gateway must name a real identity provider.
  const config = loadConfig({
    HUB_STATE_DIR: stateDir,
    HUB_DEMO_MODE: demoMode,
    HUB_ISSUER: "https://idp.example.gov",
  });
  const app = express();
  app.use("/demo", demoRoutes(config, pino({ level: "silent" })));
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo`;
}

let on: string;
let off: string;
beforeAll(async () => {
  on = await serve("true");
  off = await serve("false");
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(stateDir, { recursive: true, force: true });
});

describe("demo sign-in endpoints", () => {
  it("are off by default", () => {
    expect(loadConfig({ HUB_STATE_DIR: stateDir, HUB_ISSUER: "https://idp.example.gov" }).demoMode).toBe(false);
  });

  it("answer 404 when demo mode is off", async () => {
    expect((await fetch(`${off}/personas`)).status).toBe(404);
    const res = await fetch(`${off}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "border-officer" }),
    });
    expect(res.status).toBe(404);
  });

  it("list the personas with agency, role, purposes and description", async () => {
    const res = await fetch(`${on}/personas`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { personas: { name: string; agency: string; purposes: string[] }[] };
    expect(body.personas).toContainEqual(
      expect.objectContaining({
        name: "border-officer",
        agency: "BORDER_POLICE",
        role: "border-officer",
        purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"],
      }),
    );
  });

  it("mint a persona token the gateway's identity settings accept", async () => {
    const res = await fetch(`${on}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "statistician" }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const jwks = JSON.parse(readFileSync(path.join(stateDir, "keys", "idp.jwks.json"), "utf8")) as JSONWebKeySet;
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: DEMO_ISSUER,
      audience: DEFAULT_AUDIENCE,
      typ: "at+jwt",
    });
    expect(payload).toMatchObject({
      sub: "statistician-0005",
      agency: "STATISTICS_OFFICE",
      purposes: ["OFFICIAL_STATISTICS", "RESEARCH"],
    });
  });

  it("mint a foreign persona's token naming its authority and its country, never an agency", async () => {
    const res = await fetch(`${on}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "tr-readmission-officer" }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const jwks = JSON.parse(readFileSync(path.join(stateDir, "keys", "idp.jwks.json"), "utf8")) as JSONWebKeySet;
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks));
    expect(payload).toMatchObject({ sub: "tr-pmm-readmission-017", authority: "TR-PMM", country: "TR" });
    expect(payload).not.toHaveProperty("agency");
    const list = (await (await fetch(`${on}/personas`)).json()) as { personas: { name: string; country: string }[] };
    expect(list.personas).toContainEqual(expect.objectContaining({ name: "tr-readmission-officer", country: "TR" }));
    expect(list.personas).toContainEqual(expect.objectContaining({ name: "border-officer", country: "AM" }));
  });

  it("refuse an unknown persona", async () => {
    const res = await fetch(`${on}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "root" }),
    });
    expect(res.status).toBe(400);
  });
});
