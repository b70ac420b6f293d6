/**
 * How the synthetic world uses the shared reference data (@hub/contracts): who holds which
 * citizenship, where deportees come from, which crossing points carry the traffic.
 */
export { COUNTRIES, CROSSING_POINTS, HOME_COUNTRY, REGIONS } from "@hub/contracts";
import { CROSSING_POINTS } from "@hub/contracts";
import type { Weighted } from "./random";

/**
 * Primary citizenship of the synthetic population: residents and visitors of Armenia, so nationals
 * first, then Russia and the neighbours, labour migrants (India), and the protection-seeking
 * groups (Syria, Iraq). Azerbaijan is absent: the border is closed and such travel is negligible.
 */
export const CITIZENSHIP_WEIGHTS: Weighted<string> = [
  ["AM", 45],
  ["RU", 12],
  ["IR", 6.5],
  ["GE", 6],
  ["IN", 5.5],
  ["SY", 3],
  ["IQ", 3],
  ["UA", 2.5],
  ["CN", 2],
  ["US", 2],
  ["FR", 1.2],
  ["LB", 1],
  ["DE", 1],
  ["BY", 1],
  ["KZ", 0.8],
  ["TR", 0.8],
  ["IT", 0.6],
  ["AF", 0.6],
  ["GB", 0.6],
  ["UZ", 0.5],
  ["PL", 0.4],
  ["EG", 0.4],
  ["AE", 0.4],
  ["NG", 0.4],
  ["CM", 0.3],
  ["KG", 0.3],
  ["TJ", 0.3],
  ["CA", 0.3],
  ["ES", 0.3],
  ["GR", 0.3],
  ["CZ", 0.2],
  ["NL", 0.2],
  ["PK", 0.2],
  ["LK", 0.2],
  ["BD", 0.2],
  ["JO", 0.2],
  ["MD", 0.2],
  ["ET", 0.1],
];

/** Where deported nationals come back from: mostly Russia (labour migration) and EU asylum countries. */
export const DEPORTING_COUNTRY_WEIGHTS: Weighted<string> = [
  ["RU", 42],
  ["DE", 12],
  ["FR", 10],
  ["PL", 6],
  ["BE", 5],
  ["NL", 4],
  ["AT", 4],
  ["SE", 3],
  ["US", 3],
  ["TR", 3],
  ["AE", 3],
  ["GE", 2],
  ["GR", 2],
  ["CZ", 1],
];

/** Main routes: Zvartnots dominates, Georgia carries the land traffic, Agarak the traffic to Iran. */
export const CROSSING_POINT_WEIGHTS: Weighted<string> = [
  ["EVN", 66],
  ["BGT", 11],
  ["AGR", 5],
  ["LWN", 6],
  ["BVR", 5],
  ["GGV", 3],
  ["AYR", 3.5],
  ["MRG", 0.5],
];

/** Georgians and Iranians often drive; the overall share of Zvartnots stays around 60 %. */
export const CROSSING_POINT_WEIGHTS_BY_CITIZENSHIP: Readonly<Record<string, Weighted<string>>> = {
  GE: [
    ["EVN", 22],
    ["BGT", 40],
    ["BVR", 14],
    ["GGV", 10],
    ["AYR", 12],
    ["LWN", 2],
  ],
  IR: [
    ["EVN", 35],
    ["AGR", 62],
    ["BGT", 3],
  ],
  TR: [
    ["EVN", 70],
    ["MRG", 10],
    ["BGT", 20],
  ],
};

export function crossingPointWeightsFor(citizenship: string): Weighted<string> {
  return CROSSING_POINT_WEIGHTS_BY_CITIZENSHIP[citizenship] ?? CROSSING_POINT_WEIGHTS;
}

const AIRPORTS = new Set(CROSSING_POINTS.filter((p) => p.kind === "AIRPORT").map((p) => p.code));

export function isAirport(code: string): boolean {
  return AIRPORTS.has(code);
}
