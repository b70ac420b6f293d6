/**
 * Counts records into the cells of a definition's cubes, as an agency's GROUP BY would: for
 * benchmark and test tables whose lines add up.
 */
import { layOutTable } from "./layOutTable";
import type { CellCount, TableDefinition } from "./TableDefinition";

/**
 * A record's codes on each dimension. Its finest code is enough where the lines nest (an age band
 * counts in its broad group through them); any coarser code given as well changes nothing.
 */
export type CountedRecord = Readonly<Record<string, readonly string[]>>;

export function countRecords(definition: TableDefinition, records: readonly CountedRecord[]): CellCount[] {
  // Every code of a dimension with the codes it adds up from, through the lines, itself included.
  const within = new Map<string, Map<string, Set<string>>>();
  for (const d of definition.dimensions) {
    const below = new Map(d.codes.map((code) => [code, new Set([code])]));
    // A hierarchy has fewer levels than codes, so as many passes as codes reach every level.
    for (let pass = 0; pass < d.codes.length; pass++) {
      for (const line of d.lines) {
        const set = below.get(line.total) as Set<string>;
        for (const part of line.parts) for (const code of below.get(part) as Set<string>) set.add(code);
      }
    }
    within.set(d.id, below);
  }
  return layOutTable(definition).cells.map((coordinates) => ({
    coordinates,
    count: records.filter((record) =>
      definition.dimensions.every((d) => {
        const codes = within.get(d.id)?.get(coordinates[d.id] as string) as Set<string>;
        return (record[d.id] ?? []).some((code) => codes.has(code));
      }),
    ).length,
  }));
}
