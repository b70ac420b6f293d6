/** Builds the whole synthetic world, agency by agency, from one seed. */
import { toDay } from "./dates";
import { generateAsylum } from "./generateAsylum";
import { generateBorderRecords } from "./generateBorderRecords";
import { generateCrossings } from "./generateCrossings";
import { generateDeporteeScreenings } from "./generateDeporteeScreenings";
import { assignIdentificationRegions, assignResidences } from "./generateGeography";
import { generatePermits } from "./generatePermits";
import { generatePersons } from "./generatePersons";
import { generateReturns } from "./generateReturns";
import { generateTrafficking } from "./generateTrafficking";
import { generateTravelDocuments } from "./generateTravelDocuments";
import { DEMO_PSEUDONYM_KEY } from "./personRef";
import { Rng } from "./random";
import { type WorldClock, ensurePastRetention, worldClock } from "./records";
import { COUNTRIES, CROSSING_POINTS, REGIONS } from "./reference";
import type { SyntheticWorld, WorldOptions } from "./types";

export const DEFAULT_PERSONS = 3000;
export const DEFAULT_SEED = 20261125;
export const DEFAULT_AS_OF = "2026-11-01";
/** The national-id permutation in `generatePersons` stays exact in doubles up to this size. */
const MAX_PERSONS = 3_000_000;

/**
 * The same options always give the same world, down to the bytes of its JSON. Each part draws
 * from its own random stream, so changing how one kind of record is generated leaves the others
 * as they were. Order matters where records depend on each other: asylum outcomes decide permits
 * and returns, returns decide bans, screenings decide laissez-passers and trafficking referrals.
 */
export function generateWorld(options: WorldOptions): SyntheticWorld {
  const count = options.persons ?? DEFAULT_PERSONS;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PERSONS) {
    throw new Error(`persons must be a whole number between 1 and ${MAX_PERSONS}`);
  }
  const root = new Rng(options.seed ?? DEFAULT_SEED);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const clock = worldClock(asOf);
  const key = options.pseudonymKey ?? DEMO_PSEUDONYM_KEY;

  const persons = generatePersons(root.fork("persons"), count, clock, key);
  const foreigners = persons.filter((p) => !p.national);
  const asylum = generateAsylum(root.fork("asylum"), foreigners, clock);
  const permits = generatePermits(root.fork("permits"), foreigners, asylum, clock);
  const returnDecisions = generateReturns(root.fork("returns"), foreigners, asylum, permits, clock);
  const screenings = generateDeporteeScreenings(root.fork("screenings"), persons, clock);
  const documents = generateTravelDocuments(
    root.fork("documents"),
    persons,
    asylum.protection,
    screenings.returnedOn,
    clock,
  );
  const crossings = generateCrossings(root.fork("crossings"), persons, documents.byPerson, clock);
  const border = generateBorderRecords(root.fork("border"), persons, foreigners, returnDecisions, clock);
  const traffickingCases = generateTrafficking(root.fork("trafficking"), persons, screenings.screenings, clock);
  assignResidences(root.fork("residences"), permits.permits);
  assignIdentificationRegions(root.fork("identification-regions"), traffickingCases, screenings.screenings);

  const world: SyntheticWorld = {
    asOf,
    countries: COUNTRIES.map((c) => ({ ...c })),
    crossingPoints: CROSSING_POINTS.map((p) => ({ ...p })),
    regions: REGIONS.map((r) => ({ ...r })),
    persons: persons.map((p) => p.record),
    travelDocuments: documents.documents,
    crossings,
    entryRefusals: border.entryRefusals,
    entryBans: border.entryBans,
    deporteeScreenings: screenings.screenings,
    residencePermits: permits.permits,
    asylumApplications: asylum.applications,
    returnDecisions,
    traffickingCases,
  };
  topUpPastRetention(root.fork("retention"), world, clock);
  return world;
}

/** Every record kind gets a few lapsed records even in a small world (see `ensurePastRetention`). */
function topUpPastRetention(rng: Rng, world: SyntheticWorld, clock: WorldClock): void {
  ensurePastRetention(world.persons, rng, clock, (r) => toDay(r.dateOfBirth));
  ensurePastRetention(world.travelDocuments, rng, clock, (r) => toDay(r.issuedOn));
  ensurePastRetention(world.crossings, rng, clock, (r) => toDay(r.crossedAt.slice(0, 10)));
  ensurePastRetention(world.entryRefusals, rng, clock, (r) => toDay(r.refusedOn));
  ensurePastRetention(world.entryBans, rng, clock, (r) => toDay(r.issuedOn));
  ensurePastRetention(world.deporteeScreenings, rng, clock, (r) => toDay(r.screenedOn));
  ensurePastRetention(world.residencePermits, rng, clock, (r) => toDay(r.issuedOn));
  ensurePastRetention(world.asylumApplications, rng, clock, (r) => toDay(r.lodgedOn));
  ensurePastRetention(world.returnDecisions, rng, clock, (r) => toDay(r.issuedOn));
  ensurePastRetention(world.traffickingCases, rng, clock, (r) => toDay(r.identifiedOn));
}
