/**
 * The command line every subgraph shares: `serve` (default), `sdl` (print the schema),
 * `migrate` (apply pending migrations) and `seed --persons N` (replace the data with a
 * synthetic world).
 */
import { pino } from "pino";
import { hubLogOptions, shutdownOnSignals } from "@hub/contracts";
import { Registry } from "prom-client";
import { createDataSource } from "./createDataSource";
import { loadSubgraphConfig } from "./loadSubgraphConfig";
import { runCli } from "./runCli";
import { openDatabase, startSubgraph, type SubgraphDefinition } from "./startSubgraph";

export function runSubgraphCommand<TLoaders, TWorld>(
  definition: SubgraphDefinition<TLoaders, TWorld>,
  argv: string[],
): void {
  const [command = "serve", ...rest] = argv;
  runCli(async () => {
    switch (command) {
      case "serve": {
        const running = await startSubgraph(definition);
        shutdownOnSignals(running.stop, running.config.shutdownTimeoutMs, running.log);
        return;
      }
      case "sdl": {
        const { sdl } = await definition.buildSchema();
        process.stdout.write(sdl);
        return;
      }
      case "migrate":
      case "seed": {
        // A subgraph without seeded data (the audit log starts empty) is only migrated by `seed`.
        const seed = command === "seed" ? definition.seed : undefined;
        const world = seed?.load(rest);
        const config = loadSubgraphConfig(definition.defaults);
        const log = pino({ name: config.name, level: config.logLevel, ...hubLogOptions(pino.stdSerializers.err) });
        const dataSource = createDataSource({
          url: config.databaseUrl,
          poolSize: 1,
          entities: definition.entities,
          migrations: definition.migrations,
          registry: new Registry(),
          log,
        });
        await openDatabase(dataSource, definition.defaults.databaseUrlVariable);
        try {
          await dataSource.runMigrations({ transaction: "each" });
          await definition.afterMigrations?.(dataSource);
          if (seed && world !== undefined) {
            await dataSource.transaction((manager) => seed.write(manager, world));
            log.info(seed.describe(world), "seeded");
          } else if (command === "seed") {
            log.info("migrated; this subgraph holds no seeded data");
          }
        } finally {
          await dataSource.destroy();
        }
        return;
      }
      default:
        throw new Error(`Unknown command "${command}": use serve, sdl, migrate or seed --persons N`);
    }
  });
}
