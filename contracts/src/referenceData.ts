/**
 * Reference data the agencies share: the hub country, the countries that occur in its records
 * (ISO 3166-1 alpha-2), its regions and districts (ISO 3166-2), and its border crossing points.
 * Code lists, not records: every agency's tables and the statistics are coded with them.
 */

export interface ReferenceCountry {
  code: string;
  name: string;
}

export type CrossingPointKind = "AIRPORT" | "ROAD" | "RAIL";

export interface ReferenceCrossingPoint {
  code: string;
  name: string;
  kind: CrossingPointKind;
  /** Country on the other side, null for airports. */
  neighbourCountry: string | null;
  /** Region (a code of REGIONS) the crossing point lies in. */
  region: string;
}

/** A region of the hub's country, or a district of one (`parent` is its region). */
export interface ReferenceRegion {
  code: string;
  name: string;
  parent: string | null;
}

/** The hub's home country: its citizens are the nationals, everyone else is a foreigner. */
export const HOME_COUNTRY = "AM";

/** Countries that occur in the agencies' records, ISO 3166-1 alpha-2 with English short names. */
export const COUNTRIES: readonly ReferenceCountry[] = [
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
export const REGIONS: readonly ReferenceRegion[] = [
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
export const CROSSING_POINTS: readonly ReferenceCrossingPoint[] = [
  { code: "EVN", name: "Zvartnots International Airport", kind: "AIRPORT", neighbourCountry: null, region: "AM-AV" },
  { code: "LWN", name: "Shirak International Airport", kind: "AIRPORT", neighbourCountry: null, region: "AM-SH" },
  { code: "BGT", name: "Bagratashen", kind: "ROAD", neighbourCountry: "GE", region: "AM-TV" },
  { code: "BVR", name: "Bavra", kind: "ROAD", neighbourCountry: "GE", region: "AM-SH" },
  { code: "GGV", name: "Gogavan", kind: "ROAD", neighbourCountry: "GE", region: "AM-LO" },
  { code: "AYR", name: "Ayrum railway station", kind: "RAIL", neighbourCountry: "GE", region: "AM-TV" },
  { code: "AGR", name: "Agarak", kind: "ROAD", neighbourCountry: "IR", region: "AM-SU" },
  { code: "MRG", name: "Margara", kind: "ROAD", neighbourCountry: "TR", region: "AM-AV" },
];
