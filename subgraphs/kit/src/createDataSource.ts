/**
 * The TypeORM data source of one agency's database, counting every SQL statement it sends so
 * that batching can be observed (`hub_sql_statements_total` on /metrics).
 */
import "reflect-metadata";
import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from "typeorm";
import { Counter, type Registry } from "prom-client";
import type { Logger } from "pino";

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own signature
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own signature
  migrations: MixedList<Function | string>;
  registry: Registry;
  log: Logger;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const statements = new Counter({
    name: "hub_sql_statements_total",
    help: "SQL statements sent to this subgraph's database",
    registers: [options.registry],
  });
  const log = options.log;
  const logger: TypeOrmLogger = {
    logQuery: () => statements.inc(),
    logQueryError: (error, query) => log.error({ err: error, query }, "SQL statement failed"),
    logQuerySlow: (time, query) => log.warn({ time, query }, "slow SQL statement"),
    logSchemaBuild: () => undefined,
    logMigration: (message) => log.info(message),
    log: (level, message) => (level === "warn" ? log.warn(message) : log.debug(message)),
  };
  return new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "schema_migrations",
    synchronize: false,
    logging: ["query", "error", "warn", "migration"],
    logger,
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolSize },
  });
}
