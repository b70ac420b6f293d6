/**
 * The one SQL statement that counts an indicator's cells for a year: the indicator's rows coded
 * (sex, age bands, month), then GROUP BY GROUPING SETS with one set per cube and per margin, so
 * the database returns every published count in one pass over the rows.
 */
import { AGE_BANDS, ageBandRange } from "@hub/contracts";
import type { StatisticalIndicator } from "./StatisticalIndicator";

/** A grouped column of the statement; GROUPING() lists them in this order (first = highest bit). */
export type GroupedColumn =
  "sex" | "age_band" | "age_broad" | "citizenship" | "region" | "district" | "month" | "breakdown";

/** Age in whole years on the day of the event; then the contract's age bands and under/over 18. */
const AGE = "date_part('year', age(event_date, birth_date))::int";
// Each band by its oldest age, youngest band first; the last has none. A negative age (a birth
// date after the event, an error in the record) falls in the first band.
const AGE_BAND = `CASE WHEN age IS NULL THEN NULL ${AGE_BANDS.map((band) => {
  const { to } = ageBandRange(band);
  return to === null ? `ELSE '${band}'` : `WHEN age <= ${to} THEN '${band}'`;
}).join(" ")} END`;
const AGE_BROAD = "CASE WHEN age IS NULL THEN NULL WHEN age < 18 THEN 'Y_LT18' ELSE 'Y_GE18' END";

/**
 * What each cube crosses with SEX, as grouped columns: one entry per classification, so the age
 * cube gives two (bands, broad groups) and a region cube with districts two (regions, districts).
 */
function classificationsOf(indicator: StatisticalIndicator): GroupedColumn[][] {
  return [
    ["age_band"],
    ["age_broad"],
    ["citizenship"],
    ["month"],
    ...(indicator.geography === null ? [] : [["region"] as GroupedColumn[]]),
    ...(indicator.geography === "DISTRICT" ? [["region", "district"] as GroupedColumn[]] : []),
    ...(indicator.breakdown === null ? [] : [["breakdown"] as GroupedColumn[]]),
  ];
}

export interface AggregationStatement {
  sql: string;
  /** The grouped columns in GROUPING() order, to decode each row's `grouped` bits. */
  columns: readonly GroupedColumn[];
}

/** `$1` and `$2` bound the year: first day included, first day of the next year excluded. */
export function aggregationSql(indicator: StatisticalIndicator): AggregationStatement {
  const classifications = classificationsOf(indicator);
  const columns = [...new Set<GroupedColumn>(["sex", ...classifications.flat()])];
  // Each cube's cells by sex and overall; the sex margin and grand total once, since a grouping
  // set listed twice would return its rows twice.
  const sets = new Map<string, readonly GroupedColumn[]>();
  const all: GroupedColumn[][] = [...classifications.flatMap((c) => [["sex" as const, ...c], c]), ["sex"], []];
  for (const set of all) sets.set(set.join(","), set);
  const list = columns.join(", ");
  const sql = `WITH counted AS (${indicator.rows}),
coded AS (
  SELECT CASE sex WHEN 'FEMALE' THEN 'F' WHEN 'MALE' THEN 'M' END AS sex,
    ${AGE_BAND} AS age_band, ${AGE_BROAD} AS age_broad,
    citizenship, to_char(event_date, 'MM') AS month
    ${indicator.geography === null ? "" : ", region"}${indicator.geography === "DISTRICT" ? ", district" : ""}
    ${indicator.breakdown === null ? "" : ", breakdown"}
  FROM (SELECT *, ${AGE} AS age FROM counted WHERE event_date >= $1 AND event_date < $2) AS dated
)
SELECT ${list}, count(*)::int AS count, GROUPING(${list}) AS grouped
FROM coded
GROUP BY GROUPING SETS (${[...sets.values()].map((s) => `(${s.join(", ")})`).join(", ")})`;
  return { sql, columns };
}

/** The date of the indicator's earliest record (`first`), null when it has none. */
export function firstRecordSql(indicator: StatisticalIndicator): string {
  return `SELECT to_char(min(event_date), 'YYYY-MM-DD') AS first FROM (${indicator.rows}) AS counted`;
}
