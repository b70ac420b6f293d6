/**
 * One person's identity (Migration Service) and crossings (Border Police) in one query, for the
 * fault tests: an adult traveller the border officer may read both of, and readers of the answer.
 */
import { gql, world, type Answer, type RequestOptions } from "./fixtures";

const QUERY = `query ($ref: ID!) { person(personRef: $ref) { personRef givenName familyName crossings(first: 3) { direction crossedAt } } }`;

/** An adult traveller with crossings: the border officer may read the identity and the crossings. */
export function traveller() {
  const w = world();
  const travellers = new Set(w.crossings.map((c) => c.personRef));
  const person = w.persons.find(
    (p) =>
      travellers.has(p.personRef) &&
      p.guardianPersonRef === null &&
      p.dateOfBirth < "2000-01-01" &&
      p.retainUntil > w.asOf,
  );
  if (!person) throw new Error("the seeded world has no adult traveller");
  return person;
}

export const personQuery = (origin: string, options: RequestOptions, ref: string) => () =>
  gql(QUERY, { ...options, url: `${origin}/graphql`, variables: { ref } });

export type Person = { givenName: string; crossings: unknown[] | null };
export const personOf = (a: Answer) => (a.body.data?.person ?? null) as Person | null;
export const unavailableErrors = (a: Answer) =>
  (a.body.errors ?? []).filter((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE");
export const complete = (a: Answer) => !a.body.errors && Array.isArray(personOf(a)?.crossings);
