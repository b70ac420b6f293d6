/** Generates the Border Police's travel documents: one or two per person, with validity and chip data. */
import { createHash } from "node:crypto";
import { type Day, addYears, formatDay } from "./dates";
import type { Rng } from "./random";
import { type PersonSeed, type WorldClock, pad, retainUntil } from "./records";
import { HOME_COUNTRY } from "./reference";
import type { SyntheticTravelDocument, TravelDocumentKind } from "./types";

const EXPIRED_SHARE = 0.075;
/** Citizenships whose identity cards are accepted at Armenia's border. */
const ID_CARD_COUNTRIES = new Set(["AM", "GE", "RU"]);

/** What the crossing generator needs to know about a document without re-parsing its dates. */
export interface DocumentSpan {
  documentNumber: string;
  kind: TravelDocumentKind;
  issued: Day;
  expires: Day;
  hasChip: boolean;
}

export interface DocumentResult {
  documents: SyntheticTravelDocument[];
  /** Documents of each person, by person index. */
  byPerson: DocumentSpan[][];
}

/**
 * Unique "AM1234567"-style numbers: a per-country counter through the bijection
 * k -> (a*k + b) mod 10^7 (a coprime to 10), so numbers look random yet never repeat.
 */
class DocumentNumbers {
  private readonly counters = new Map<string, { next: number; offset: number }>();
  constructor(private readonly rng: Rng) {}

  next(country: string): string {
    let counter = this.counters.get(country);
    if (!counter) {
      counter = { next: 0, offset: this.rng.int(0, 9_999_999) };
      this.counters.set(country, counter);
    }
    const value = (7_654_321 * counter.next++ + counter.offset) % 10_000_000;
    return `${country}${pad(value, 7)}`;
  }
}

export function generateTravelDocuments(
  rng: Rng,
  persons: readonly PersonSeed[],
  protection: ReadonlyMap<PersonSeed, Day>,
  deportedOn: ReadonlyMap<PersonSeed, Day>,
  clock: WorldClock,
): DocumentResult {
  const numbers = new DocumentNumbers(rng);
  const result: DocumentResult = { documents: [], byPerson: [] };
  for (const person of persons) {
    const spans: DocumentSpan[] = [];
    const add = (kind: TravelDocumentKind, country: string, issued: Day, expires: Day): void => {
      const span = document(rng, numbers, person, kind, country, issued, expires, clock, result.documents);
      spans.push(span);
    };
    const minor = person.adultFrom > clock.asOf;
    const years = minor ? 5 : 10;
    const [issued, expires] = validity(rng, person, years, clock, rng.chance(EXPIRED_SHARE));
    add("PASSPORT", person.primary, issued, expires);

    const second = person.record.citizenships[1];
    const protectedSince = protection.get(person);
    const deported = deportedOn.get(person);
    if (second !== undefined && rng.chance(0.8)) {
      add("PASSPORT", second, ...validity(rng, person, years, clock, rng.chance(EXPIRED_SHARE)));
    } else if (protectedSince !== undefined && protectedSince + 30 < clock.asOf && rng.chance(0.6)) {
      // Convention travel documents are issued by the host country after recognition.
      const from = rng.day(protectedSince + 30, clock.asOf - 1);
      add("REFUGEE_TRAVEL_DOCUMENT", HOME_COUNTRY, from, addYears(from, 2) - 1);
    } else if (deported !== undefined && rng.chance(0.3)) {
      // Emergency travel document issued by a consulate for the return journey only.
      const from = Math.max(deported - rng.int(3, 40), person.birth);
      add("LAISSEZ_PASSER", HOME_COUNTRY, from, from + 30);
    } else if (ID_CARD_COUNTRIES.has(person.primary) && person.birth <= addYears(clock.asOf, -16) && rng.chance(0.35)) {
      add("ID_CARD", person.primary, ...validity(rng, person, 10, clock, rng.chance(EXPIRED_SHARE)));
    }
    result.byPerson.push(spans);
  }
  return result;
}

/** Issue and expiry days; an expired document lapsed within the last four years. */
function validity(rng: Rng, person: PersonSeed, years: number, clock: WorldClock, expired: boolean): [Day, Day] {
  if (expired) {
    const expires = rng.day(addYears(clock.asOf, -4), clock.asOf - 1);
    const issued = addYears(expires, -years) + 1;
    if (issued >= person.birth) return [issued, expires];
  }
  // Documents in use skew old: people renew when travel requires it, not as soon as they may.
  const earliest = Math.max(person.birth, addYears(clock.asOf, -years) + 1);
  const issued = clock.asOf - 1 - Math.floor((clock.asOf - 1 - earliest) * Math.sqrt(rng.next()));
  return [issued, addYears(issued, years) - 1];
}

function document(
  rng: Rng,
  numbers: DocumentNumbers,
  person: PersonSeed,
  kind: TravelDocumentKind,
  country: string,
  issued: Day,
  expires: Day,
  clock: WorldClock,
  out: SyntheticTravelDocument[],
): DocumentSpan {
  const documentNumber = numbers.next(country);
  // Laissez-passers carry no chip; older passports and ID cards sometimes none either.
  const hasChip = kind !== "LAISSEZ_PASSER" && rng.chance(kind === "REFUGEE_TRAVEL_DOCUMENT" ? 0.5 : 0.82);
  out.push({
    documentNumber,
    personRef: person.record.personRef,
    kind,
    issuingCountry: country,
    issuedOn: formatDay(issued),
    expiresOn: formatDay(expires),
    chipFacialImageDigest: hasChip ? facialImageDigest(documentNumber, person.record.personRef) : null,
    holderDateOfBirth: person.record.dateOfBirth,
    holderSex: person.record.sex,
    holderNationality: nationalityStated(kind, country, person),
    retainUntil: retainUntil(rng, clock, issued),
  });
  return { documentNumber, kind, issued, expires, hasChip };
}

/** Stands in for the digest of a face image: deterministic, unique, and obviously not biometric. */
function facialImageDigest(documentNumber: string, personRef: string): string {
  return createHash("sha256").update(`synthetic-face:${personRef}:${documentNumber}`).digest("hex");
}

/**
 * A passport or identity card states the nationality of the state that issued it, so a dual
 * national is counted under the passport they travel on. A refugee travel document or a
 * laissez-passer is issued by Armenia to someone who need not be its national: it carries the
 * holder's own (first) citizenship.
 */
function nationalityStated(kind: TravelDocumentKind, issuingCountry: string, person: PersonSeed): string {
  return kind === "PASSPORT" || kind === "ID_CARD" ? issuingCountry : person.primary;
}
