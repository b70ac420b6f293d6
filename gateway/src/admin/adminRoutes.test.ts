// The operator commands under attack: a real express server, real key files and a real PostgreSQL table of distrusts.
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import express from "express";
import { exportJWK, generateKeyPair } from "jose";
import { Client } from "pg";
import { pino } from "pino";
import { IDENTITY_KEY_DISTRUST_DDL, type AuditEventContent } from "@hub/contracts";
import { loadConfig } from "../config";
import { TrustedIssuers } from "../auth/TrustedIssuers";
import type { AuditTrail } from "../audit/auditTrail";
import { adminRoutes } from "./adminRoutes";
import { KeyDistrustStore } from "./KeyDistrustStore";

const ISSUER = "https://idp.example.gov/realms/hub";
const SECRET = "s".repeat(43);
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = `hub_admin_attacks_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.href;
})();

beforeAll(async () => {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  for (const ddl of IDENTITY_KEY_DISTRUST_DDL) await db.query(ddl);
  await db.end();
});

afterAll(async () => {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

interface Gateway {
  url: string;
  lines: Record<string, unknown>[];
  text: () => string;
  events: AuditEventContent[];
  issuers: TrustedIssuers;
  close: () => Promise<void>;
}

async function gateway(options: { databaseUrl?: string; auditFails?: boolean } = {}): Promise<Gateway> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "admin-attacks-"));
  const { publicKey } = await generateKeyPair("ES256");
  const jwks = path.join(dir, "idp.jwks.json");
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" }] }));
  const adminKeyPath = path.join(dir, "admin.key");
  writeFileSync(adminKeyPath, `${SECRET}\n`);
  const raw: string[] = [];
  const log = pino(
    { level: "info" },
    new Writable({ write: (chunk: Buffer, _enc, done) => void (raw.push(chunk.toString()), done()) }),
  );
  const config = loadConfig({ HUB_STATE_DIR: dir, HUB_ISSUER: ISSUER, HUB_JWKS: jwks });
  const issuers = new TrustedIssuers(config.identity, log);
  await issuers.start();
  const distrusts = new KeyDistrustStore(options.databaseUrl ?? databaseUrl, log, 1000);
  const events: AuditEventContent[] = [];
  // The audit writer's contract as the routes use it: an append that is durable or throws.
  const trail = {
    policyVersion: "test",
    hash: (v: string) => v,
    writer: {
      append: async (event: AuditEventContent) => {
        if (options.auditFails) throw new Error("the audit store does not answer");
        events.push(event);
      },
    },
  } as unknown as AuditTrail;
  const app = express();
  app.use("/admin", adminRoutes({ adminKeyPath, issuers, distrusts, trail, log }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/admin`,
    get lines() {
      return raw
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    text: () => raw.join(""),
    events,
    issuers,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await distrusts.stop();
    },
  };
}

const asOperator = { authorization: `Bearer ${SECRET}`, "content-type": "application/json" };

describe("the operator commands", () => {
  it("keeps an unauthenticated caller's path out of the log but for a short part of it", async () => {
    const gw = await gateway();
    try {
      const planted = `identity/${"A".repeat(8000)}`;
      const res = await fetch(`${gw.url}/${planted}`, { headers: { authorization: "Bearer wrong" } });
      expect(res.status).toBe(401);
      const refused = gw.lines.find((l) => l.msg === "operator command refused: wrong or missing operator secret");
      expect(String(refused?.path).length).toBeLessThanOrEqual(100);
    } finally {
      await gw.close();
    }
  });

  it("refuses a wrong, a missing, a prefixed and a differently cased secret", async () => {
    const gw = await gateway();
    try {
      for (const authorization of [
        undefined,
        "Bearer",
        `Basic ${SECRET}`,
        `Bearer ${SECRET}x`,
        `Bearer ${SECRET.toUpperCase()}`,
      ]) {
        const res = await fetch(`${gw.url}/identity`, { headers: authorization ? { authorization } : {} });
        expect(res.status).toBe(401);
      }
      expect((await fetch(`${gw.url}/identity`, { headers: asOperator })).status).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it("refuses an operator name that could forge a log line or an audit subject", async () => {
    const gw = await gateway();
    try {
      for (const operator of ["jdoe\nlevel=error", "jdoe<script>", "", "x".repeat(101), "j doe"]) {
        const res = await fetch(`${gw.url}/identity/refresh`, {
          method: "POST",
          headers: asOperator,
          body: JSON.stringify({ operator }),
        });
        expect(res.status).toBe(400);
      }
      expect(gw.events).toEqual([]);
    } finally {
      await gw.close();
    }
  });

  it("refuses a body above its limit and a body that is not JSON, before any action", async () => {
    const gw = await gateway();
    try {
      const big = await fetch(`${gw.url}/identity/refresh`, {
        method: "POST",
        headers: asOperator,
        body: JSON.stringify({ operator: "jdoe", issuer: "x".repeat(10_000) }),
      });
      expect(big.status).toBeGreaterThanOrEqual(400);
      const nested = await fetch(`${gw.url}/identity/refresh`, {
        method: "POST",
        headers: asOperator,
        body: `${"[".repeat(1500)}${"]".repeat(1500)}`,
      });
      expect(nested.status).toBe(400);
      expect(gw.events).toEqual([]);
    } finally {
      await gw.close();
    }
  });

  it("distrusts a key only at the issuer named, and audits it", async () => {
    const gw = await gateway();
    try {
      const unknown = await fetch(`${gw.url}/identity/distrust`, {
        method: "POST",
        headers: asOperator,
        body: JSON.stringify({ operator: "jdoe", issuer: `${ISSUER}/`, keyId: "k1", reason: "exposed" }),
      });
      expect(unknown.status).toBe(404);
      const res = await fetch(`${gw.url}/identity/distrust`, {
        method: "POST",
        headers: asOperator,
        body: JSON.stringify({ operator: "jdoe", issuer: ISSUER, keyId: "k1", reason: "exposed" }),
      });
      expect(res.status).toBe(200);
      expect(gw.issuers.status()[0]?.distrusted).toEqual(["k1"]);
      expect(gw.events.map((e) => e.administration)).toEqual([
        expect.objectContaining({ action: "distrust-key", issuer: ISSUER, keyId: "k1", operator: "jdoe" }),
      ]);
    } finally {
      await gw.close();
    }
  });

  it("changes nothing when the distrust cannot be stored (audit database down)", async () => {
    const gw = await gateway({ databaseUrl: "postgres://postgres@127.0.0.1:1/none" });
    try {
      const res = await fetch(`${gw.url}/identity/distrust`, {
        method: "POST",
        headers: asOperator,
        body: JSON.stringify({ operator: "jdoe", issuer: ISSUER, keyId: "k1", reason: "exposed" }),
      });
      expect(res.status).toBe(503);
      expect(gw.issuers.status()[0]?.distrusted).toEqual([]);
    } finally {
      await gw.close();
    }
  });

  it("answers 503 when the command cannot be audited, and says so in the log", async () => {
    const gw = await gateway({ auditFails: true });
    try {
      const res = await fetch(`${gw.url}/identity/refresh`, {
        method: "POST",
        headers: asOperator,
        body: JSON.stringify({ operator: "jdoe" }),
      });
      expect(res.status).toBe(503);
      expect(gw.lines).toContainEqual(expect.objectContaining({ msg: "operator command done but not audited" }));
    } finally {
      await gw.close();
    }
  });
});

describe("distrusts read back from the database", () => {
  it("applies every issuer's distrusts even when one stored key id is unusable", async () => {
    const gw = await gateway();
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query("DELETE FROM identity_key_distrust");
      const insert = "INSERT INTO identity_key_distrust VALUES ($1, $2, now(), 'jdoe', 'r', $3)";
      await db.query(insert, [ISSUER, "k".repeat(300), randomUUID()]);
      await db.query(insert, [ISSUER, "k1", randomUUID()]);
      const store = new KeyDistrustStore(databaseUrl, pino({ level: "silent" }), 1000);
      await store.apply(gw.issuers);
      await store.stop();
      expect(gw.issuers.status()[0]?.distrusted).toContain("k1");
    } finally {
      await db.end();
      await gw.close();
    }
  });
});
