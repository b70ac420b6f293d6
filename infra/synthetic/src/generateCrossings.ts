/** Generates the Border Police's border crossings: each person's trips, alternating entry and exit. */
import { type Day, formatInstant } from "./dates";
import { type Rng, at } from "./random";
import { type PersonSeed, type WorldClock, pad, retainUntil } from "./records";
import { crossingPointWeightsFor, isAirport } from "./reference";
import type { SyntheticBorderCrossing } from "./types";
import type { DocumentSpan } from "./generateTravelDocuments";

/** Frequent travellers (drivers, traders, commuters) cross 12-40 times; everyone else a few times. */
const FREQUENT_SHARE = 0.08;
const USUAL_MEAN = 4.4;
const MAX_CROSSINGS = 40;
const ACCOMPANIED_SHARE = 0.85;
const SECONDS_PER_DAY = 86_400;

/**
 * Relative traffic by year: the 2020 closure for COVID-19 and the slow 2021 recovery, then the
 * higher level since 2022. Times are drawn by rejection against these weights.
 */
const TRAFFIC_BY_YEAR: Readonly<Record<number, number>> = { 2019: 1, 2020: 0.3, 2021: 0.55, 2022: 1.05 };
const TRAFFIC_LATER = 1.15;
const TRAFFIC_MAX = 1.15;
const DRAW_ATTEMPTS = 6;

/** A document's validity clipped to the period the person could travel in, in days. */
interface Window {
  span: DocumentSpan;
  from: Day;
  to: Day;
}

export function generateCrossings(
  rng: Rng,
  persons: readonly PersonSeed[],
  documents: readonly (readonly DocumentSpan[])[],
  clock: WorldClock,
): SyntheticBorderCrossing[] {
  // Records are numbered in time order at the end, as a border system's sequence would be.
  const timed: { at: number; crossing: SyntheticBorderCrossing }[] = [];
  for (const person of persons) {
    const count = rng.chance(FREQUENT_SHARE) ? rng.int(12, MAX_CROSSINGS) : rng.geometric(USUAL_MEAN, MAX_CROSSINGS);
    const windows = travelWindows(person, documents[person.index] ?? [], clock);
    if (count === 0 || windows.length === 0) continue;
    const draws: { seconds: number; span: DocumentSpan }[] = [];
    for (let i = 0; i < count; i++) draws.push(drawTime(rng, windows));
    draws.sort((a, b) => a.seconds - b.seconds);
    // Residents start by leaving, visitors by arriving; a few were already across when records begin.
    let entry = person.national ? rng.chance(0.1) : rng.chance(0.9);
    for (const { seconds, span } of draws) {
      timed.push({ at: seconds, crossing: crossing(rng, person, span, seconds, entry, clock) });
      entry = !entry;
    }
  }
  timed.sort((a, b) => a.at - b.at);
  return timed.map(({ crossing }, i) => {
    crossing.id = `BC${pad(i + 1, 8)}`;
    return crossing;
  });
}

/** Travel is only recorded while the person is alive and holds a valid document (laissez-passers aside). */
function travelWindows(person: PersonSeed, spans: readonly DocumentSpan[], clock: WorldClock): Window[] {
  const windows: Window[] = [];
  for (const span of spans) {
    if (span.kind === "LAISSEZ_PASSER") continue;
    const from = Math.max(clock.start, person.birth, span.issued);
    const to = Math.min(clock.asOf - 1, span.expires);
    if (from <= to) windows.push({ span, from, to });
  }
  return windows;
}

/** A time within one of the windows (chosen by length), shaped by the yearly traffic. */
function drawTime(rng: Rng, windows: readonly Window[]): { seconds: number; span: DocumentSpan } {
  const total = windows.reduce((sum, w) => sum + w.to - w.from + 1, 0);
  let seconds = 0;
  let span = at(windows, 0).span;
  for (let attempt = 0; attempt < DRAW_ATTEMPTS; attempt++) {
    let r = rng.int(0, total - 1);
    const window = windows.find((w) => (r -= w.to - w.from + 1) < 0) ?? at(windows, 0);
    span = window.span;
    seconds = rng.int(window.from * SECONDS_PER_DAY, (window.to + 1) * SECONDS_PER_DAY - 1);
    const year = new Date(seconds * 1000).getUTCFullYear();
    if (rng.chance((TRAFFIC_BY_YEAR[year] ?? (year < 2019 ? 1 : TRAFFIC_LATER)) / TRAFFIC_MAX)) break;
  }
  return { seconds, span };
}

function crossing(
  rng: Rng,
  person: PersonSeed,
  document: DocumentSpan,
  seconds: number,
  entry: boolean,
  clock: WorldClock,
): SyntheticBorderCrossing {
  const day: Day = Math.floor(seconds / SECONDS_PER_DAY);
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
