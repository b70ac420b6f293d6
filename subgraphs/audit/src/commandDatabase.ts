/** The audit database as the command-line tools open it: one connection, no migrations, no logs beside their answer. */
import { DataSource } from "typeorm";
import { loadSubgraphConfig } from "@hub/kit";
import { auditDefaults, entities } from "./subgraph";

export async function withCommandDatabase<T>(env: NodeJS.ProcessEnv, work: (db: DataSource) => Promise<T>): Promise<T> {
  const config = loadSubgraphConfig(auditDefaults, env);
  const db = new DataSource({ type: "postgres", url: config.databaseUrl, entities, logging: false, extra: { max: 1 } });
  try {
    await db.initialize();
  } catch (error) {
    throw new Error(
      `Cannot connect to the database (${auditDefaults.databaseUrlVariable}): ${(error as Error).message}`,
    );
  }
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
