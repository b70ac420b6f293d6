/**
 * A realistic table for measuring protection: one indicator-year of an agency's records by sex,
 * age (bands and broad groups), citizenship, region/district, month and reason, with many small counts.
 */
import { ageBandRange } from "@hub/contracts";
import { AGE_BANDS, ageDimension, BROAD_AGE_GROUPS } from "./ageDimension";
import { countRecords, type CountedRecord } from "./countRecords";
import { flatDimension, hierarchicalDimension, type CellCount, type TableDefinition } from "./TableDefinition";
import { SeededRandom } from "./SeededRandom";

const CITIZENSHIPS = Array.from({ length: 43 }, (_, i) => `C${String(i).padStart(2, "0")}`);
/** 12 regions; the first five split into 3 districts each (15 districts). */
const REGIONS = Array.from({ length: 12 }, (_, r) => ({
  code: `R${String(r).padStart(2, "0")}`,
  parts: r < 5 ? [0, 1, 2].map((d) => `R${String(r).padStart(2, "0")}D${d}`) : [],
}));
const MONTHS = Array.from({ length: 12 }, (_, m) => String(m + 1).padStart(2, "0"));
const REASONS = ["FAMILY", "EDUCATION", "EMPLOYMENT", "OTHER"];

const BENCHMARK_DEFINITION: TableDefinition = {
  dimensions: [
    flatDimension("SEX", "TOTAL", ["FEMALE", "MALE"]),
    ageDimension(),
    flatDimension("CITIZENSHIP", "TOTAL", CITIZENSHIPS),
    hierarchicalDimension("REGION", "TOTAL", REGIONS),
    flatDimension("MONTH", "TOTAL", MONTHS),
    flatDimension("REASON", "TOTAL", REASONS),
  ],
  cubes: [
    ["SEX", "AGE"],
    ["SEX", { dimension: "AGE", codes: BROAD_AGE_GROUPS }, "CITIZENSHIP"],
    ["SEX", "REGION"],
    ["SEX", { dimension: "AGE", codes: BROAD_AGE_GROUPS }, "REGION"],
    ["SEX", "MONTH"],
    ["SEX", "REASON"],
  ],
};

/** Counts of `records` synthetic records; citizenships and regions skewed, as real ones are. */
export function benchmarkTable(seed = 1, records = 1000): { definition: TableDefinition; counts: CellCount[] } {
  const rng = new SeededRandom(seed);
  const skewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * rng.next() ** 2.5)] as T;
  const made: CountedRecord[] = Array.from({ length: records }, () => {
    const age = rng.int(0, 89);
    const band = AGE_BANDS.find((b) => (ageBandRange(b).to ?? Infinity) >= age) as string;
    const region = skewed(REGIONS);
    return {
      SEX: [rng.chance(0.45) ? "FEMALE" : "MALE"],
      AGE: [band, age < 18 ? "Y_LT18" : "Y_GE18"],
      CITIZENSHIP: [skewed(CITIZENSHIPS)],
      REGION: [region.parts.length > 0 ? rng.pick(region.parts) : region.code],
      MONTH: [rng.pick(MONTHS)],
      REASON: [skewed(REASONS)],
    };
  });
  return { definition: BENCHMARK_DEFINITION, counts: countRecords(BENCHMARK_DEFINITION, made) };
}
