/**
 * A source agency's statistical table as the gateway returns it (the profile contract's
 * `<Agency>StatisticalTable`), and the query that asks for one. Parsed, never trusted: a field
 * of the wrong shape refuses the table.
 */
import { z } from "zod";
import { CELL_FLAGS, SOURCE_STATISTICS_FIELDS, type SourceIndicator } from "@hub/contracts";

export const sourceCellSchema = z
  .object({
    sex: z.string(),
    age: z.string(),
    citizenship: z.string(),
    region: z.string(),
    month: z.string(),
    breakdown: z.string(),
    value: z.number().int().nullable(),
    flag: z.enum(CELL_FLAGS),
  })
  .strict();
export type SourceCell = z.infer<typeof sourceCellSchema>;

export const sourceTableSchema = z
  .object({
    indicator: z.string(),
    year: z.number().int(),
    unit: z.string(),
    regime: z.string(),
    cubes: z.array(z.array(z.string()).min(1)),
    cells: z.array(sourceCellSchema).min(1),
  })
  .strict();
export type SourceTable = z.infer<typeof sourceTableSchema>;

/** Named, so that an auditor reading the log sees what asked for the table. */
export const SOURCE_TABLE_OPERATION = "StatisticsOfficeProfilePull";

export const sourceTableQuery = (
  agency: SourceIndicator["agency"],
) => `query ${SOURCE_TABLE_OPERATION}($indicator: String!, $year: Int!) {
  table: ${SOURCE_STATISTICS_FIELDS[agency]}(indicator: $indicator, year: $year) {
    indicator
    year
    unit
    regime
    cubes
    cells { sex age citizenship region month breakdown value flag }
  }
}`;
