/**
 * `npm run seed -- --persons N`: replaces every agency's data with a synthetic world of N persons,
 * in the databases named by *_DATABASE_URL or the embedded ones.
 */
import path from "node:path";
import { parseSeedArgs } from "@hub/synthetic";
import { openDatabases, seedAll } from "./databases";
import { loadLauncherConfig } from "./launcherConfig";

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const config = loadLauncherConfig();
  const dataRoot = path.join(config.stateDir, "data");
  const databases = await openDatabases(config.env, dataRoot);
  try {
    const started = Date.now();
    const marker = await seedAll(databases, config.env, args.persons, dataRoot);
    process.stdout.write(
      `Seeded ${marker.persons} persons into ${databases.agencies.length} agencies in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await databases.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
