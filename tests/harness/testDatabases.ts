/**
 * One fresh database per agency on the PostgreSQL server at DATABASE_URL or 127.0.0.1:5432; on a
 * machine without a server, embedded PostgreSQL served over the wire protocol instead.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { Client } from "pg";
import { SUBGRAPH_NAMES } from "@hub/contracts";
import { startEmbeddedDatabase } from "@hub/local/dist/embeddedDatabases";
import { AGENCY_PROCESSES } from "@hub/local/dist/layout";

export interface TestDatabases {
  kind: "server" | "embedded";
  urls: Record<string, string>;
  stop: () => Promise<void>;
}

const adminUrl = () => process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";

/** Databases are named after the checkout, so that two checkouts on one server never share them. */
const checkoutTag = createHash("sha256").update(path.resolve(__dirname, "../..")).digest("hex").slice(0, 8);
export const testDatabaseName = (subgraph: string) => `hub_test_${checkoutTag}_${subgraph.replace(/-/g, "_")}`;

export async function createTestDatabases(stateDir: string): Promise<TestDatabases> {
  const admin = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    process.stdout.write(`No PostgreSQL server at ${adminUrl()}: running the suite on embedded PostgreSQL.\n`);
    const dbs = await Promise.all(AGENCY_PROCESSES.map((a) => startEmbeddedDatabase(a, path.join(stateDir, "data"))));
    return {
      kind: "embedded",
      urls: Object.fromEntries(AGENCY_PROCESSES.map((a, i) => [a.name, dbs[i]?.url ?? ""])),
      stop: async () => void (await Promise.all(dbs.map((db) => db.stop()))),
    };
  }
  const urls: Record<string, string> = {};
  try {
    for (const name of SUBGRAPH_NAMES) {
      const database = testDatabaseName(name);
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(adminUrl());
      url.pathname = `/${database}`;
      urls[name] = url.toString();
    }
  } finally {
    await admin.end();
  }
  return { kind: "server", urls, stop: async () => undefined };
}
