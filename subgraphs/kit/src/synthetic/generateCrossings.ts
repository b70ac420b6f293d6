/** Generates the Border Police's border crossings: each person's trips, alternating entry and exit. */
import { type Day, formatInstant } from "./dates";
import { type Rng, at } from "./random";
import { type PersonSeed, type WorldClock, pad, retainUntil } from "./records";
import { crossingPointWeightsFor, isAirport } from "./reference";
import type { SyntheticBorderCrossing } from "./types";
import { type DocumentSpan, usableOn } from "./generateTravelDocuments";

/** Frequent travellers (drivers, traders, commuters) cross 12-40 times; everyone else a few times. */
const FREQUENT_SHARE = 0.08;
const USUAL_MEAN = 4.2;
const MAX_CROSSINGS = 40;
const ACCOMPANIED_SHARE = 0.85;
const SECONDS_PER_DAY = 86_400;

export function generateCrossings(
  rng: Rng,
  persons: readonly PersonSeed[],
  documents: readonly (readonly DocumentSpan[])[],
  clock: WorldClock,
): SyntheticBorderCrossing[] {
  // Records are numbered in time order at the end, as a border system's sequence would be.
  const timed: { at: number; crossing: SyntheticBorderCrossing }[] = [];
  for (const person of persons) {
    const spans = (documents[person.index] ?? []).filter((s) => s.kind !== "LAISSEZ_PASSER");
    const count = rng.chance(FREQUENT_SHARE) ? rng.int(12, MAX_CROSSINGS) : rng.geometric(USUAL_MEAN, MAX_CROSSINGS);
    if (count === 0 || spans.length === 0) continue;
    // Travel is only recorded while the person is alive and holds a document.
    const first = Math.max(clock.start, person.birth, Math.min(...spans.map((s) => s.issued)));
    const to = Math.min(clock.asOf - 1, Math.max(...spans.map((s) => s.expires)));
    if (first > to) continue;
    const times = new Float64Array(count);
    for (let i = 0; i < count; i++) times[i] = rng.int(first * SECONDS_PER_DAY, (to + 1) * SECONDS_PER_DAY - 1);
    times.sort();
    // Residents start by leaving, visitors by arriving; a few were already across when records begin.
    let entry = person.national ? rng.chance(0.1) : rng.chance(0.9);
    for (const seconds of times) {
      timed.push({ at: seconds, crossing: crossing(rng, person, spans, seconds, entry, clock) });
      entry = !entry;
    }
  }
  timed.sort((a, b) => a.at - b.at);
  return timed.map(({ crossing }, i) => {
    crossing.id = `BC${pad(i + 1, 8)}`;
    return crossing;
  });
}

function crossing(
  rng: Rng,
  person: PersonSeed,
  spans: readonly DocumentSpan[],
  seconds: number,
  entry: boolean,
  clock: WorldClock,
): SyntheticBorderCrossing {
  const day: Day = Math.floor(seconds / SECONDS_PER_DAY);
  const usable = usableOn(spans, day);
  // The passport usually, another valid document now and then.
  // Between documents (a gap the register does not explain) the first one stands in.
  const document = (usable.length > 1 && rng.chance(0.25) ? usable[1] : usable[0]) ?? at(spans, 0);
  const point = rng.weighted(crossingPointWeightsFor(person.primary));
  const accompanied = day < person.adultFrom && rng.chance(ACCOMPANIED_SHARE);
  // A face match needs an image on the chip to match against, and e-gates only at airports.
  const scored = isAirport(point) && document.hasChip;
  return {
    id: "",
    personRef: person.record.personRef,
    documentNumber: document.documentNumber,
    crossingPointCode: point,
    direction: entry ? "ENTRY" : "EXIT",
    crossedAt: formatInstant(seconds),
    accompaniedMinor: accompanied,
    accompanyingPersonRef: accompanied ? (person.guardian?.record.personRef ?? null) : null,
    biometricMatchScore: scored ? Math.round((0.999 - 0.199 * rng.next() ** 4) * 1000) / 1000 : null,
    retainUntil: retainUntil(rng, clock, day),
  };
}
