/**
 * One embedded PostgreSQL (PGlite) per agency, served over the PostgreSQL wire protocol so the
 * subgraphs use the same `pg` driver as in production. Data is kept under the state folder.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { AgencyProcess } from "./layout";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export async function startEmbeddedDatabase(agency: AgencyProcess, dataRoot: string): Promise<EmbeddedDatabase> {
  const dataDir = path.join(dataRoot, agency.name);
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // Several clients per database: the subgraph, the gateway (audit log) and command-line tools such
  // as `npm run audit -- verify`. PGlite runs their statements one at a time.
  const server = new PGLiteSocketServer({ db, port: agency.embeddedDbPort, host: "127.0.0.1", maxConnections: 10 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new Error(
      `Cannot serve the ${agency.name} database on port ${agency.embeddedDbPort} (${(error as Error).message}); is another hub running?`,
    );
  }
  return {
    url: `postgres://postgres@127.0.0.1:${agency.embeddedDbPort}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
