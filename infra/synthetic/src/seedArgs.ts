/** Command-line options shared by every subgraph's seed command (`--persons N --seed S`). */
import { parseArgs } from "node:util";
import { generateWorld, type SyntheticWorld } from "./index";

export interface SeedArgs {
  persons: number;
  seed: number | undefined;
  asOf: string | undefined;
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      persons: { type: "string", default: "3000" },
      seed: { type: "string" },
      "as-of": { type: "string" },
    },
    strict: true,
  });
  const persons = Number(values.persons);
  if (!Number.isInteger(persons) || persons < 10 || persons > 1_000_000) {
    throw new Error("--persons must be a whole number between 10 and 1000000");
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error("--as-of must be YYYY-MM-DD");
  return { persons, seed, asOf };
}

export function loadSeedWorld(args: SeedArgs): SyntheticWorld {
  return generateWorld({ persons: args.persons, seed: args.seed, asOf: args.asOf });
}

/**
 * The `seed` command of a subgraph that writes its part of a synthetic world: reads the
 * command's options, generates the world, and logs how many persons it holds.
 */
export function syntheticSeed<TDb>(write: (db: TDb, world: SyntheticWorld) => Promise<void>): {
  load: (argv: string[]) => SyntheticWorld;
  write: (db: TDb, world: SyntheticWorld) => Promise<void>;
  describe: (world: SyntheticWorld) => { persons: number };
} {
  return {
    load: (argv) => loadSeedWorld(parseSeedArgs(argv)),
    write,
    describe: (world) => ({ persons: world.persons.length }),
  };
}
