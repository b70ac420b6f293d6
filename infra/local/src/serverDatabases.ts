/**
 * Fresh, empty databases on a running PostgreSQL server, one per subgraph (the end-to-end tests'
 * and the benchmark's): each dropped and created anew, named by the caller so that two checkouts
 * or two tools on one server never share one.
 */
import { Client } from "pg";
import { SUBGRAPH_NAMES } from "@hub/contracts";

export const defaultAdminUrl = (env: NodeJS.ProcessEnv = process.env) =>
  env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";

/** Opens an administrative connection, or null when no server answers at the URL. */
export async function connectAdmin(adminUrl: string): Promise<Client | null> {
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    return admin;
  } catch {
    return null;
  }
}

/** Drops and creates one database per subgraph; resolves with their URLs, by subgraph name. */
export async function recreateServerDatabases(
  admin: Client,
  adminUrl: string,
  databaseName: (subgraph: string) => string,
): Promise<Record<string, string>> {
  const urls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    urls[name] = await recreateDatabase(admin, adminUrl, databaseName(name));
  }
  return urls;
}

/** Drops (closing its connections) and creates one database; resolves with its URL. */
export async function recreateDatabase(admin: Client, adminUrl: string, database: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on one connection to the database at `url`, closed afterwards whatever happens. */
export async function withDatabase<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
