/**
 * A Statistics Office database of a test's own, on the PostgreSQL server the suite runs against
 * (DATABASE_URL or 127.0.0.1:5432): created empty, migrated with the subgraph's migrations,
 * seeded with its code lists, dropped afterwards. Real PostgreSQL, so constraints bite as in use.
 */
import { randomBytes } from "node:crypto";
import "reflect-metadata";
import { DataSource } from "typeorm";
import { generateWorld } from "@hub/synthetic";
import { seedStatisticsOffice } from "../seed";
import { entities, migrations } from "../subgraph";

export interface TestStore {
  db: DataSource;
  drop: () => Promise<void>;
}

const adminUrl = () => process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";

async function admin(sql: string): Promise<void> {
  const db = new DataSource({ type: "postgres", url: adminUrl() });
  await db.initialize();
  try {
    await db.query(sql);
  } finally {
    await db.destroy();
  }
}

export async function createTestStore(): Promise<TestStore> {
  const name = `hub_unit_statistics_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = new DataSource({
    type: "postgres",
    url: url.toString(),
    entities,
    migrations,
    migrationsTableName: "schema_migrations",
    extra: { max: 2 },
  });
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
  // The code lists only need the world's countries; ten persons make it at once.
  await db.transaction((tx) => seedStatisticsOffice(tx, generateWorld({ persons: 10 })));
  return {
    db,
    drop: async () => {
      await db.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
