/**
 * For unit tests only: counts records into the cells of the contract's cubes in plain TypeScript,
 * independently of the SQL, so that the agencies' GROUPING SETS statements can be checked.
 */

/** One counted event with its codes: an age band and a broad group, a region and maybe a district. */
export interface HandRecord {
  sex: string;
  ages: readonly string[];
  citizenship: string;
  regions?: readonly string[];
  month: string;
  breakdown?: string;
}

const TOTAL = "_T";
/** Positions of the dimensions in a cell key; SEX is 0. */
const AGE = 1;
const CITIZENSHIP = 2;
const REGION = 3;
const MONTH = 4;
const BREAKDOWN = 5;

/** The key of the cell of `sex` with one other dimension at `code` (all others at their total). */
function key(sex: string, dimension?: number, code?: string): string {
  const codes = [sex, TOTAL, TOTAL, TOTAL, TOTAL, TOTAL];
  if (dimension !== undefined && code !== undefined) codes[dimension] = code;
  return codes.join("|");
}

/** Counts by cell key `SEX|AGE|CITIZENSHIP|REGION|MONTH|BREAKDOWN`, nonzero cells only. */
export function countByHand(records: readonly HandRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    // A record counts once in each cell it falls in; the margins recur in every cube.
    const cells = new Set<string>();
    for (const sex of [TOTAL, r.sex]) {
      cells.add(key(sex));
      for (const age of r.ages) cells.add(key(sex, AGE, age));
      cells.add(key(sex, CITIZENSHIP, r.citizenship));
      for (const region of r.regions ?? []) cells.add(key(sex, REGION, region));
      cells.add(key(sex, MONTH, r.month));
      if (r.breakdown !== undefined) cells.add(key(sex, BREAKDOWN, r.breakdown));
    }
    for (const cell of cells) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

/** The same keys for raw counts from `countIndicator`, nonzero cells only. */
export function keyedCounts(
  counts: readonly { coordinates: Readonly<Record<string, string>>; count: number }[],
): Map<string, number> {
  const ids = ["SEX", "AGE", "CITIZENSHIP", "REGION", "MONTH", "BREAKDOWN"];
  return new Map(
    counts
      .filter((c) => c.count > 0)
      .map((c) => [ids.map((id) => c.coordinates[id] ?? TOTAL).join("|"), c.count] as const),
  );
}

/** Age in whole years on `day` of a person born on `birth` (both YYYY-MM-DD), as PostgreSQL's age() gives it. */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The contract's codes of an age: its band (5-year bands, but 15-17 and 18-19) and under or over 18. */
export function ageCodes(age: number): string[] {
  const fiveYears = `Y${Math.floor(age / 5) * 5}-${Math.floor(age / 5) * 5 + 4}`;
  const band =
    age < 5
      ? "Y_LT5"
      : age >= 80
        ? "Y_GE80"
        : age >= 15 && age <= 17
          ? "Y15-17"
          : age >= 18 && age <= 19
            ? "Y18-19"
            : fiveYears;
  return [band, age < 18 ? "Y_LT18" : "Y_GE18"];
}
