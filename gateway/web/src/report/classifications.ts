/**
 * The indicators' own classifications (the BREAKDOWN dimension) in words: each indicator's
 * breakdown name and code labels, from the same definitions the Statistics Office is seeded
 * from (contracts/profiles/indicators.yaml), bundled at build time.
 */
import definitions from "../../../../contracts/profiles/indicators.yaml";

export interface Classification {
  name: string;
  labels: ReadonlyMap<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Only what the page needs, read defensively: the contracts' loader validates the file itself. */
function classificationsOf(data: unknown): ReadonlyMap<string, Classification> {
  const found = new Map<string, Classification>();
  const list = isRecord(data) && Array.isArray(data.indicators) ? (data.indicators as unknown[]) : [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.code !== "string" || !isRecord(item.breakdown)) continue;
    const { name, codes } = item.breakdown;
    if (typeof name !== "string" || !isRecord(codes)) continue;
    const labels = Object.entries(codes).filter((e): e is [string, string] => typeof e[1] === "string");
    found.set(item.code, { name, labels: new Map(labels) });
  }
  return found;
}

const CLASSIFICATIONS = classificationsOf(definitions);

/** The classification of an indicator (by its code), if it has one. */
export function classificationOf(indicator: string): Classification | undefined {
  return CLASSIFICATIONS.get(indicator);
}
