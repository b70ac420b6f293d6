/** Generates the trafficking victim cases: identification, exploitation, assistance, assigned caseworker. */
import { type Day, addYears, formatDay, toDay } from "./dates";
import { type Rng, type Weighted, at } from "./random";
import { type PersonSeed, type WorldClock, choosePersons, numberChronologically, pad, retainUntil } from "./records";
import { HOME_COUNTRY } from "./reference";
import {
  type AssistanceKind,
  CASEWORKERS,
  type ExploitationForm,
  type SyntheticDeporteeScreening,
  type SyntheticTraffickingCase,
} from "./types";

const SHARE_OF_PERSONS = 0.007;
const MIN_CASES = 5;
/** Cases identified within the reflection period before asOf, so some are active in every world. */
const MIN_RECENT = 2;
const REFLECTION_DAYS = 90;
/** Caseworker-01 leads the team and takes every other case; the demo logs in as that caseworker. */
const ROTA: readonly string[] = CASEWORKERS.slice(1).flatMap((other) => [CASEWORKERS[0], other]);

const FORMS_FEMALE: Weighted<ExploitationForm> = [
  ["SEXUAL", 50],
  ["LABOUR", 22],
  ["DOMESTIC_SERVITUDE", 12],
  ["MIXED", 8],
  ["BEGGING", 5],
  ["FORCED_CRIMINALITY", 3],
];
const FORMS_MALE: Weighted<ExploitationForm> = [
  ["LABOUR", 70],
  ["FORCED_CRIMINALITY", 10],
  ["MIXED", 10],
  ["BEGGING", 5],
  ["SEXUAL", 5],
];
/** Nationals are mostly exploited abroad (Russia, Türkiye, the Gulf); foreigners mostly in Armenia. */
const EXPLOITATION_OF_NATIONALS: Weighted<string> = [
  ["RU", 35],
  ["AM", 18],
  ["TR", 14],
  ["AE", 14],
  ["GE", 5],
  ["DE", 3],
  ["FR", 3],
  ["PL", 3],
  ["GR", 3],
  ["IR", 2],
];
const ASSISTANCE_ORDER: readonly AssistanceKind[] = [
  "SHELTER",
  "MEDICAL",
  "PSYCHOSOCIAL",
  "LEGAL",
  "REINTEGRATION",
  "VOLUNTARY_RETURN",
];

interface Planned {
  person: PersonSeed;
  identified: Day;
  form: ExploitationForm;
  country: string;
}

export function generateTrafficking(
  rng: Rng,
  persons: readonly PersonSeed[],
  screenings: readonly SyntheticDeporteeScreening[],
  clock: WorldClock,
): SyntheticTraffickingCase[] {
  const byRef = new Map(persons.map((p) => [p.record.personRef, p]));
  const planned: Planned[] = [];
  // About half of the returnees with indicators are referred and identified as victims.
  const flagged = screenings.filter((s) => s.traffickingIndicators.length > 0);
  for (const screening of rng.sample(flagged, Math.ceil(flagged.length / 2))) {
    const person = byRef.get(screening.personRef);
    if (!person) continue;
    const identified = Math.min(toDay(screening.screenedOn) + rng.int(0, 14), clock.asOf - 1);
    const labour = screening.traffickingIndicators.some((i) => i === "DEBT_BONDAGE" || i === "WAGE_WITHHOLDING");
    const form = labour ? "LABOUR" : rng.weighted(person.record.sex === "FEMALE" ? FORMS_FEMALE : FORMS_MALE);
    planned.push({ person, identified, form, country: screening.deportingCountry });
  }
  const referred = new Set(planned.map((p) => p.person));
  // More women than men, more nationals than foreigners, and some children (none very young).
  const weight = (p: PersonSeed): number =>
    referred.has(p) || p.birth > addYears(clock.asOf, -10)
      ? 0
      : (p.record.sex === "FEMALE" ? 3 : 1) * (p.national ? 2.5 : 1) * (p.adultFrom > clock.asOf ? 0.6 : 1);
  const isMinor = (p: PersonSeed): boolean => p.adultFrom > clock.asOf;
  const victims = choosePersons(rng, persons, weight, Math.round(persons.length * SHARE_OF_PERSONS), MIN_CASES, [
    isMinor,
    (p) => !p.national,
  ]);
  victims.forEach((person, i) => {
    const earliest = Math.max(clock.start, addYears(person.birth, 8));
    const recent = i < MIN_RECENT || rng.chance(0.04);
    const identified = rng.day(
      recent ? Math.max(earliest, clock.asOf - REFLECTION_DAYS + 1) : earliest,
      clock.asOf - 1,
    );
    const minor = identified < person.adultFrom;
    const form: ExploitationForm =
      minor && rng.chance(0.3) ? "BEGGING" : rng.weighted(person.record.sex === "FEMALE" ? FORMS_FEMALE : FORMS_MALE);
    const country = person.national ? rng.weighted(EXPLOITATION_OF_NATIONALS) : rng.chance(0.85) ? HOME_COUNTRY : "GE";
    planned.push({ person, identified, form, country });
  });
  const cases = planned.map((p) => traffickingCase(rng, p, clock));
  numberChronologically(
    cases,
    (c) => toDay(c.identifiedOn),
    (c, seq, year) => (c.caseId = `THB-${year}-${pad(seq, 5)}`),
    true,
  );
  cases.forEach((c, i) => (c.assignedCaseworker = at(ROTA, i % ROTA.length)));
  return cases;
}

function traffickingCase(rng: Rng, plan: Planned, clock: WorldClock): SyntheticTraffickingCase {
  const { person, identified } = plan;
  const screening = Math.min(identified + rng.int(0, 7), clock.asOf);
  const assistanceDay = rng.chance(0.8) ? screening + rng.int(5, 60) : null;
  const assisted = assistanceDay !== null && assistanceDay <= clock.asOf;
  const reflectionUntil = identified + REFLECTION_DAYS;
  // Cases stay open through the reflection period and usually for the following year.
  const open = reflectionUntil >= clock.asOf || (identified > clock.asOf - 365 ? rng.chance(0.7) : rng.chance(0.15));
  return {
    caseId: "",
    personRef: person.record.personRef,
    identifiedOn: formatDay(identified),
    formOfExploitation: plan.form,
    countryOfExploitation: plan.country,
    screeningInterviewOn: formatDay(screening),
    assistanceInterviewOn: assisted ? formatDay(assistanceDay) : null,
    assistance: assistance(rng, plan, assisted),
    assignedCaseworker: CASEWORKERS[0],
    consentToShare: rng.chance(0.85),
    reflectionPeriodUntil: formatDay(reflectionUntil),
    status: open ? "OPEN" : "CLOSED",
    // Placed by assignIdentificationRegions, on its own random stream.
    identifiedRegion: "",
    retainUntil: retainUntil(rng, clock, identified),
  };
}

/** Immediate help before the assistance interview; the full package after it. */
function assistance(rng: Rng, plan: Planned, assisted: boolean): AssistanceKind[] {
  const chosen = new Set<AssistanceKind>();
  if (plan.form === "SEXUAL" || rng.chance(0.4)) chosen.add("SHELTER");
  if (rng.chance(0.45)) chosen.add("MEDICAL");
  if (assisted) {
    if (rng.chance(0.7)) chosen.add("PSYCHOSOCIAL");
    if (rng.chance(0.4)) chosen.add("LEGAL");
    const abroad = plan.country !== HOME_COUNTRY;
    if (plan.person.national && abroad && rng.chance(0.75)) chosen.add("REINTEGRATION");
    if (!plan.person.national && rng.chance(0.5)) chosen.add("VOLUNTARY_RETURN");
  }
  return ASSISTANCE_ORDER.filter((k) => chosen.has(k));
}
