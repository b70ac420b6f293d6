/**
 * The agencies' databases for a local run: the URL in each agency's variable when set, otherwise
 * an embedded PGlite started here. Seeding writes a marker so that data is made once.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SubgraphName } from "@hub/contracts";
import { generateWorld, type SyntheticWorld } from "@hub/synthetic";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embeddedDatabases";
import { AGENCY_PROCESSES } from "./layout";
import { runToCompletion } from "./processes";
import { seededYears, type YearRange } from "./seededYears";

export interface AgencyDatabase {
  name: SubgraphName;
  url: string;
  embedded: boolean;
}

export interface Databases {
  agencies: AgencyDatabase[];
  stop: () => Promise<void>;
}

export async function openDatabases(env: NodeJS.ProcessEnv, dataRoot: string): Promise<Databases> {
  const embedded: EmbeddedDatabase[] = [];
  const agencies: AgencyDatabase[] = [];
  try {
    for (const agency of AGENCY_PROCESSES) {
      const external = env[agency.databaseUrlVariable]?.trim();
      if (external) {
        agencies.push({ name: agency.name, url: external, embedded: false });
      } else {
        const db = await startEmbeddedDatabase(agency, dataRoot);
        embedded.push(db);
        agencies.push({ name: agency.name, url: db.url, embedded: true });
      }
    }
  } catch (error) {
    await Promise.all(embedded.map((db) => db.stop()));
    throw error;
  }
  return { agencies, stop: async () => void (await Promise.all(embedded.map((db) => db.stop()))) };
}

/** The environment that points one agency's process at its database. */
export function databaseEnv(db: AgencyDatabase): NodeJS.ProcessEnv {
  const agency = AGENCY_PROCESSES.find((a) => a.name === db.name);
  return {
    [agency?.databaseUrlVariable ?? ""]: db.url,
    // PGlite is a single session: one connection keeps transactions from blocking each other.
    ...(db.embedded ? { DATABASE_POOL_SIZE: "1" } : {}),
  };
}

export interface SeedMarker {
  persons: number;
  seededAt: string;
  /** A person with crossings, identity and a permit, for the start banner's first query. */
  samplePersonRef: string;
  /** The complete years of the world's records, which the first start pulls the profile of. */
  years: YearRange;
}

export function readSeedMarker(dataRoot: string): SeedMarker | null {
  const file = path.join(dataRoot, "seeded.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SeedMarker) : null;
}

export async function seedAll(
  databases: Databases,
  env: NodeJS.ProcessEnv,
  persons: number,
  dataRoot: string,
  /** The synthetic world's seed; the generator's default when absent. */
  seed?: number,
  onSpawn?: (child: ChildProcess) => void,
): Promise<SeedMarker> {
  await Promise.all(
    databases.agencies.map((db) => {
      const agency = AGENCY_PROCESSES.find((a) => a.name === db.name);
      if (!agency) throw new Error(`unknown agency ${db.name}`);
      return runToCompletion(
        agency.entry,
        ["seed", "--persons", String(persons), ...(seed === undefined ? [] : ["--seed", String(seed)])],
        { ...env, ...databaseEnv(db) },
        `seeding ${db.name}`,
        onSpawn,
      );
    }),
  );
  // The same deterministic world the seeds wrote.
  const world = generateWorld({ persons, seed });
  const marker: SeedMarker = {
    persons,
    seededAt: new Date().toISOString(),
    samplePersonRef: pickSamplePerson(world),
    years: seededYears(world),
  };
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(path.join(dataRoot, "seeded.json"), JSON.stringify(marker, null, 2));
  return marker;
}

/** Picks an adult foreigner who travels and holds a permit. */
function pickSamplePerson(world: SyntheticWorld): string {
  const travellers = new Set(world.crossings.map((c) => c.personRef));
  const permitHolders = new Set(world.residencePermits.filter((p) => p.status === "VALID").map((p) => p.personRef));
  const sample = world.persons.find(
    (p) =>
      p.guardianPersonRef === null &&
      p.retainUntil > world.asOf &&
      p.dateOfBirth < "2000-01-01" &&
      travellers.has(p.personRef) &&
      permitHolders.has(p.personRef),
  );
  return (sample ?? world.persons[0])?.personRef ?? "";
}
