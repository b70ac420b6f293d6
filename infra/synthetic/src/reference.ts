/** Reference data of the synthetic world: countries, Armenia's crossing points, and who holds which citizenship. */
import type { SyntheticCountry, SyntheticCrossingPoint, SyntheticRegion } from "./types";
import type { Weighted } from "./random";

/** The hub's home country: its citizens are the nationals, everyone else is a foreigner. */
export const HOME_COUNTRY = "AM";

/** Countries that occur in the synthetic records, ISO 3166-1 alpha-2 with English short names. */
export const COUNTRIES: readonly SyntheticCountry[] = [
  { code: "AE", name: "United Arab Emirates" },
  { code: "AF", name: "Afghanistan" },
  { code: "AM", name: "Armenia" },
  { code: "AT", name: "Austria" },
  { code: "AZ", name: "Azerbaijan" },
  { code: "BD", name: "Bangladesh" },
  { code: "BE", name: "Belgium" },
  { code: "BY", name: "Belarus" },
  { code: "CA", name: "Canada" },
  { code: "CM", name: "Cameroon" },
  { code: "CN", name: "China" },
  { code: "CZ", name: "Czechia" },
  { code: "DE", name: "Germany" },
  { code: "EG", name: "Egypt" },
  { code: "ES", name: "Spain" },
  { code: "ET", name: "Ethiopia" },
  { code: "FR", name: "France" },
  { code: "GB", name: "United Kingdom" },
  { code: "GE", name: "Georgia" },
  { code: "GR", name: "Greece" },
  { code: "IN", name: "India" },
  { code: "IQ", name: "Iraq" },
  { code: "IR", name: "Iran" },
  { code: "IT", name: "Italy" },
  { code: "JO", name: "Jordan" },
  { code: "KG", name: "Kyrgyzstan" },
  { code: "KZ", name: "Kazakhstan" },
  { code: "LB", name: "Lebanon" },
  { code: "LK", name: "Sri Lanka" },
  { code: "MD", name: "Moldova" },
  { code: "NG", name: "Nigeria" },
  { code: "NL", name: "Netherlands" },
  { code: "PK", name: "Pakistan" },
  { code: "PL", name: "Poland" },
  { code: "RU", name: "Russian Federation" },
  { code: "SE", name: "Sweden" },
  { code: "SY", name: "Syria" },
  { code: "TJ", name: "Tajikistan" },
  { code: "TR", name: "Türkiye" },
  { code: "UA", name: "Ukraine" },
  { code: "US", name: "United States" },
  { code: "UZ", name: "Uzbekistan" },
];

/**
 * Armenia's first-level divisions (ISO 3166-2:AM): the capital city of Yerevan and ten provinces
 * (marzer), and Yerevan's twelve administrative districts, the only districts the agencies record.
 * A district's code extends its region's; `parent` is null for a region.
 */
export const REGIONS: readonly SyntheticRegion[] = [
  { code: "AM-ER", name: "Yerevan", parent: null },
  { code: "AM-AG", name: "Aragatsotn", parent: null },
  { code: "AM-AR", name: "Ararat", parent: null },
  { code: "AM-AV", name: "Armavir", parent: null },
  { code: "AM-GR", name: "Gegharkunik", parent: null },
  { code: "AM-KT", name: "Kotayk", parent: null },
  { code: "AM-LO", name: "Lori", parent: null },
  { code: "AM-SH", name: "Shirak", parent: null },
  { code: "AM-SU", name: "Syunik", parent: null },
  { code: "AM-TV", name: "Tavush", parent: null },
  { code: "AM-VD", name: "Vayots Dzor", parent: null },
  { code: "AM-ER-AJ", name: "Ajapnyak", parent: "AM-ER" },
  { code: "AM-ER-AB", name: "Arabkir", parent: "AM-ER" },
  { code: "AM-ER-AV", name: "Avan", parent: "AM-ER" },
  { code: "AM-ER-DA", name: "Davtashen", parent: "AM-ER" },
  { code: "AM-ER-ER", name: "Erebuni", parent: "AM-ER" },
  { code: "AM-ER-KZ", name: "Kanaker-Zeytun", parent: "AM-ER" },
  { code: "AM-ER-KE", name: "Kentron", parent: "AM-ER" },
  { code: "AM-ER-MS", name: "Malatia-Sebastia", parent: "AM-ER" },
  { code: "AM-ER-NN", name: "Nor Nork", parent: "AM-ER" },
  { code: "AM-ER-NM", name: "Nork-Marash", parent: "AM-ER" },
  { code: "AM-ER-NU", name: "Nubarashen", parent: "AM-ER" },
  { code: "AM-ER-SH", name: "Shengavit", parent: "AM-ER" },
];

/** Armenia's international airports and the land crossings open (or partly open) to traffic, with their region. */
export const CROSSING_POINTS: readonly SyntheticCrossingPoint[] = [
  { code: "EVN", name: "Zvartnots International Airport", kind: "AIRPORT", neighbourCountry: null, region: "AM-AV" },
  { code: "LWN", name: "Shirak International Airport", kind: "AIRPORT", neighbourCountry: null, region: "AM-SH" },
  { code: "BGT", name: "Bagratashen", kind: "ROAD", neighbourCountry: "GE", region: "AM-TV" },
  { code: "BVR", name: "Bavra", kind: "ROAD", neighbourCountry: "GE", region: "AM-SH" },
  { code: "GGV", name: "Gogavan", kind: "ROAD", neighbourCountry: "GE", region: "AM-LO" },
  { code: "AYR", name: "Ayrum railway station", kind: "RAIL", neighbourCountry: "GE", region: "AM-TV" },
  { code: "AGR", name: "Agarak", kind: "ROAD", neighbourCountry: "IR", region: "AM-SU" },
  { code: "MRG", name: "Margara", kind: "ROAD", neighbourCountry: "TR", region: "AM-AV" },
];

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
