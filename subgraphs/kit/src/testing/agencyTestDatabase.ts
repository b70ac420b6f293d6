/**
 * For unit tests only (not exported from the kit's index): a throw-away database of one agency on
 * the local PostgreSQL server, migrated as the subgraph migrates it at start.
 */
import { randomBytes } from "node:crypto";
import { DataSource, type DataSourceOptions } from "typeorm";

const ADMIN_URL = process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";

export interface AgencyTestDatabase {
  db: DataSource;
  drop: () => Promise<void>;
}

export async function createAgencyTestDatabase(
  agency: string,
  entities: DataSourceOptions["entities"],
  migrations: DataSourceOptions["migrations"],
  poolSize = 2,
): Promise<AgencyTestDatabase> {
  const name = `hub_unit_${agency.replace(/-/g, "_")}_${randomBytes(4).toString("hex")}`;
  const admin = new DataSource({ type: "postgres", url: ADMIN_URL, extra: { max: 1 } });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = new DataSource({
    type: "postgres",
    url: url.toString(),
    entities,
    migrations,
    migrationsTableName: "schema_migrations",
    extra: { max: poolSize },
  });
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
  return {
    db,
    drop: async () => {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}
