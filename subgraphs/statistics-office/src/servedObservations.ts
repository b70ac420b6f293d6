/**
 * The only way stored cells leave the database: whole tables (indicator x year) are read and put
 * through disclosure control before anything is filtered, so a cell's served value never depends
 * on what else the query asked for.
 */
import { In, type DataSource } from "typeorm";
import { compareCells, protectTable } from "./disclosureControl";
import type { IndicatorDefinition } from "./IndicatorDefinition.entity";
import { Observation } from "./Observation.entity";

/** Served cells of the given indicators (one year, or every year), by indicator, year and cell. */
export async function servedObservations(
  db: DataSource,
  indicators: readonly IndicatorDefinition[],
  year?: number,
): Promise<Observation[]> {
  if (indicators.length === 0) return [];
  const rows = await db.getRepository(Observation).find({
    where: { indicatorCode: In(indicators.map((i) => i.code)), ...(year === undefined ? {} : { year }) },
  });
  const tables = new Map<string, Observation[]>();
  for (const row of rows) {
    const key = `${row.indicatorCode}|${row.year}`;
    const table = tables.get(key);
    if (table) table.push(row);
    else tables.set(key, [row]);
  }
  const subjectOf = new Map(indicators.map((i) => [i.code, i.subjectCategory]));
  const served: Observation[] = [];
  for (const table of tables.values()) {
    const first = table[0] as Observation;
    const subject = subjectOf.get(first.indicatorCode);
    // Unreachable with the query above; failing beats serving a table without its rules.
    if (subject === undefined) throw new Error(`no definition for indicator ${first.indicatorCode}`);
    served.push(...protectTable(table, subject));
  }
  return served.sort(
    (a, b) =>
      (a.indicatorCode < b.indicatorCode ? -1 : a.indicatorCode > b.indicatorCode ? 1 : 0) ||
      a.year - b.year ||
      compareCells(a, b),
  );
}
