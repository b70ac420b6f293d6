/**
 * One fresh database per agency on the PostgreSQL server at DATABASE_URL or 127.0.0.1:5432; on a
 * machine without a server, embedded PostgreSQL served over the wire protocol instead.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { startEmbeddedDatabase } from "@hub/local/dist/embeddedDatabases";
import { AGENCY_PROCESSES } from "@hub/local/dist/layout";
import { connectAdmin, defaultAdminUrl, recreateServerDatabases } from "@hub/local/dist/serverDatabases";

export interface TestDatabases {
  kind: "server" | "embedded";
  urls: Record<string, string>;
  stop: () => Promise<void>;
}

/** Databases are named after the checkout, so that two checkouts on one server never share them. */
const checkoutTag = createHash("sha256").update(path.resolve(__dirname, "../..")).digest("hex").slice(0, 8);
export const testDatabaseName = (subgraph: string) => `hub_test_${checkoutTag}_${subgraph.replace(/-/g, "_")}`;

export async function createTestDatabases(stateDir: string): Promise<TestDatabases> {
  const adminUrl = defaultAdminUrl();
  const admin = await connectAdmin(adminUrl);
  if (!admin) {
    process.stdout.write(`No PostgreSQL server at ${adminUrl}: running the suite on embedded PostgreSQL.\n`);
    const dbs = await Promise.all(AGENCY_PROCESSES.map((a) => startEmbeddedDatabase(a, path.join(stateDir, "data"))));
    return {
      kind: "embedded",
      urls: Object.fromEntries(AGENCY_PROCESSES.map((a, i) => [a.name, dbs[i]?.url ?? ""])),
      stop: async () => void (await Promise.all(dbs.map((db) => db.stop()))),
    };
  }
  try {
    const urls = await recreateServerDatabases(admin, adminUrl, testDatabaseName);
    return { kind: "server", urls, stop: async () => undefined };
  } finally {
    await admin.end();
  }
}
