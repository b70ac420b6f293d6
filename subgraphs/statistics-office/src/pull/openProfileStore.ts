/**
 * The Statistics Office's database opened for a pull from outside the subgraph process (the
 * `npm run profile` command): the subgraph's entities, no migration of its own (the subgraph
 * migrates at start), and a clear refusal when the store is not there yet.
 */
import "reflect-metadata";
import { DataSource } from "typeorm";
import { entities } from "../subgraph";
import { ProfilePullError } from "./ProfilePullError";

export async function openProfileStore(databaseUrl: string): Promise<DataSource> {
  const db = new DataSource({ type: "postgres", url: databaseUrl, entities, extra: { max: 1 } });
  const where = new URL(databaseUrl).host;
  try {
    await db.initialize();
  } catch (error) {
    throw new ProfilePullError(
      "STORE_UNAVAILABLE",
      `cannot open the Statistics Office database at ${where} (${(error as Error).message || String(error)})`,
    );
  }
  const [row] = (await db.query("SELECT to_regclass('profile_template') IS NOT NULL AS ready")) as { ready: boolean }[];
  if (!row?.ready) {
    await db.destroy();
    throw new ProfilePullError(
      "STORE_UNAVAILABLE",
      `the Statistics Office database at ${where} has no profile store yet: start the hub (npm start) or seed it first`,
    );
  }
  return db;
}
