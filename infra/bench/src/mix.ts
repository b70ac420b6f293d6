/**
 * The benchmark's query mix: a reference list, a key lookup in one subgraph, a query across the
 * three agencies and an aggregate, each asked by a persona whose agreements allow all of it, on
 * persons of the seeded world whose records the subgraphs serve in full (adults, within retention).
 */
import { PERSONAS, type PersonaName } from "@hub/gateway";
import type { SyntheticWorld } from "@hub/synthetic";
import type { Purpose } from "@hub/contracts";

export interface MixQuery {
  name: string;
  /** What the row measures, for the report. */
  label: string;
  persona: PersonaName;
  purpose: Purpose;
  query: string;
  variables?: Record<string, unknown>;
}

/** Personas whose tokens the benchmark mints and whose context the bare gateway signs. */
export const MIX_PERSONAS: readonly PersonaName[] = ["border-officer", "statistician"];

const today = () => new Date().toISOString().slice(0, 10);

/** An adult, current person with crossings (all current, none as a minor) and a citizenship. */
export function pickTraveller(world: SyntheticWorld, on = today()): string {
  const adultBefore = `${Number(on.slice(0, 4)) - 19}${on.slice(4)}`;
  const crossings = new Map<string, SyntheticWorld["crossings"]>();
  for (const c of world.crossings) crossings.set(c.personRef, [...(crossings.get(c.personRef) ?? []), c]);
  const person = world.persons.find((p) => {
    const own = crossings.get(p.personRef) ?? [];
    return (
      p.retainUntil > on &&
      p.dateOfBirth < adultBefore &&
      p.citizenships.length > 0 &&
      own.length >= 3 &&
      own.every((c) => c.retainUntil > on && !c.accompaniedMinor)
    );
  });
  if (!person) throw new Error("the seeded world has no adult traveller with three current crossings");
  return person.personRef;
}

/**
 * The first `count` persons whose records the list query reads are all within retention (a
 * record past it is refused under R5-4, which would make the answer partial).
 */
export function currentPersons(world: SyntheticWorld, count: number, on = today()): string[] {
  const expired = new Set<string>();
  for (const r of [...world.crossings, ...world.travelDocuments]) if (r.retainUntil <= on) expired.add(r.personRef);
  const refs = world.persons.filter((p) => p.retainUntil > on && !expired.has(p.personRef)).map((p) => p.personRef);
  if (refs.length < count) throw new Error(`the seeded world has only ${refs.length} current persons, not ${count}`);
  return refs.slice(0, count);
}

export function buildMix(world: SyntheticWorld): MixQuery[] {
  const traveller = pickTraveller(world);
  const officer = { persona: "border-officer", purpose: PERSONAS["border-officer"].purposes[0] } as const;
  return [
    {
      name: "reference-list",
      label: "reference list (crossing points, Border Police)",
      ...officer,
      query: "query CrossingPoints { crossingPoints { code name kind } }",
    },
    {
      name: "key-lookup",
      label: "key lookup (one person, Migration Service)",
      ...officer,
      query: "query Person($ref: ID!) { person(personRef: $ref) { personRef givenName familyName dateOfBirth } }",
      variables: { ref: traveller },
    },
    {
      name: "three-subgraphs",
      label: "nested query across the three agencies",
      ...officer,
      query: `query Traveller($ref: ID!) {
  person(personRef: $ref) {
    personRef givenName familyName
    citizenships { code name }
    crossings(first: 3) { direction crossedAt crossingPoint { code name } }
  }
}`,
      variables: { ref: traveller },
    },
    {
      name: "aggregate",
      label: "aggregate (first permits table, Migration Service, protected at source)",
      persona: "statistician",
      purpose: PERSONAS.statistician.purposes[0],
      query: `query FirstPermits($year: Int!) {
  migrationServiceStatistics(indicator: "FIRST_PERMITS", year: $year) { regime cells { sex age region value flag } }
}`,
      variables: { year: Number(world.asOf.slice(0, 4)) - 1 },
    },
  ];
}

/** The batching check's query (tests/e2e/batching.test.ts): persons with crossings and documents. */
export const LIST_QUERY = `query Persons($refs: [ID!]!) {
  persons(personRefs: $refs) {
    personRef
    crossings(first: 5) { direction crossingPoint { name } travelDocument { kind } }
    travelDocuments { documentNumber }
  }
}`;
