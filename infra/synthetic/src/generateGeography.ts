/**
 * Places records in the hub country's regions: where permit holders live and where trafficking
 * victims were identified. Runs after the records exist, on its own random stream, so adding
 * geography changed no other draw of the world.
 */
import { toDay } from "./dates";
import type { Rng, Weighted } from "./random";
import { CROSSING_POINTS } from "./reference";
import type { SyntheticDeporteeScreening, SyntheticResidencePermit, SyntheticTraffickingCase } from "./types";

export const CAPITAL_REGION = "AM-ER";

/**
 * Residence of foreign permit holders: the capital holds well over half (jobs, universities,
 * embassies), the surrounding regions of the Ararat valley and Kotayk most of the rest, and the
 * mountain regions of the south-east and north-east (Vayots Dzor, Tavush) only a handful.
 */
const RESIDENCE_REGION_WEIGHTS: Weighted<string> = [
  [CAPITAL_REGION, 57],
  ["AM-KT", 9],
  ["AM-AR", 6],
  ["AM-AV", 6],
  ["AM-SH", 5],
  ["AM-LO", 5],
  ["AM-SU", 4],
  ["AM-GR", 3],
  ["AM-AG", 3],
  ["AM-TV", 1.2],
  ["AM-VD", 0.8],
];

/** Yerevan's districts for foreign residents: the centre and Arabkir far ahead, the outskirts few. */
const YEREVAN_DISTRICT_WEIGHTS: Weighted<string> = [
  ["AM-ER-KE", 22],
  ["AM-ER-AB", 17],
  ["AM-ER-SH", 11],
  ["AM-ER-MS", 9],
  ["AM-ER-NN", 9],
  ["AM-ER-AJ", 8],
  ["AM-ER-ER", 7],
  ["AM-ER-KZ", 6],
  ["AM-ER-DA", 5],
  ["AM-ER-AV", 4],
  ["AM-ER-NM", 1],
  ["AM-ER-NU", 1],
];

/**
 * Where victims not referred from a border screening are identified: mostly in the capital (the
 * police anti-trafficking unit, shelters, NGOs), a few in the larger regional towns, almost none in
 * Tavush and Vayots Dzor.
 */
const IDENTIFICATION_REGION_WEIGHTS: Weighted<string> = [
  [CAPITAL_REGION, 62],
  ["AM-SH", 7],
  ["AM-LO", 6],
  ["AM-KT", 6],
  ["AM-AV", 5],
  ["AM-AR", 5],
  ["AM-SU", 3],
  ["AM-GR", 3],
  ["AM-AG", 2],
  ["AM-TV", 0.6],
  ["AM-VD", 0.4],
];

/** A screening refers a victim within this many days (see `generateTrafficking`). */
const REFERRAL_DAYS = 14;

const REGION_OF_POINT = new Map(CROSSING_POINTS.map((p) => [p.code, p.region]));

/**
 * One residence per holder, on every permit of the holder: renewals are issued to the address on
 * file, and a holder who moves is rare enough to leave out.
 */
export function assignResidences(rng: Rng, permits: readonly SyntheticResidencePermit[]): void {
  const residences = new Map<string, { region: string; district: string | null }>();
  for (const permit of permits) {
    let residence = residences.get(permit.personRef);
    if (residence === undefined) {
      const region = rng.weighted(RESIDENCE_REGION_WEIGHTS);
      residence = { region, district: region === CAPITAL_REGION ? rng.weighted(YEREVAN_DISTRICT_WEIGHTS) : null };
      residences.set(permit.personRef, residence);
    }
    permit.residenceRegion = residence.region;
    permit.residenceDistrict = residence.district;
  }
}

/**
 * A victim referred from a deportee screening was identified where the screening took place (the
 * crossing point's region); any other victim where the weights above put them.
 */
export function assignIdentificationRegions(
  rng: Rng,
  cases: readonly SyntheticTraffickingCase[],
  screenings: readonly SyntheticDeporteeScreening[],
): void {
  const flagged = new Map<string, SyntheticDeporteeScreening[]>();
  for (const s of screenings) {
    if (s.traffickingIndicators.length === 0) continue;
    flagged.set(s.personRef, [...(flagged.get(s.personRef) ?? []), s]);
  }
  for (const c of cases) {
    const identified = toDay(c.identifiedOn);
    const referral = flagged.get(c.personRef)?.find((s) => {
      const screened = toDay(s.screenedOn);
      return screened <= identified && identified <= screened + REFERRAL_DAYS;
    });
    const region = referral === undefined ? undefined : REGION_OF_POINT.get(referral.crossingPointCode);
    c.identifiedRegion = region ?? rng.weighted(IDENTIFICATION_REGION_WEIGHTS);
  }
}
