/**
 * SDMX-CSV 2.0 of a profile's stored cells: one row per cell, dimension columns in the DSD's
 * order, then OBS_VALUE and the attributes. A suppressed cell has an empty OBS_VALUE, OBS_STATUS
 * Q and CONF_STATUS C: the row says a value exists and is withheld, and never carries a number.
 */
import type { CellFlag } from "@hub/contracts";
import type { IndicatorDefinition } from "../IndicatorDefinition.entity";
import type { Observation } from "../Observation.entity";
import { CONF_STATUS, geoCode, OBS_STATUS, SDMX_CSV_COLUMNS, STRUCTURE_ID, timeOf } from "./sdmxStructure";

export interface SdmxTable {
  indicator: Pick<IndicatorDefinition, "code" | "unit">;
  cells: readonly Observation[];
}

/** RFC 4180 line ends, which spreadsheets read as one row per line on every platform. */
const EOL = "\r\n";

export function writeSdmxCsv(tables: readonly SdmxTable[]): string {
  const lines = [SDMX_CSV_COLUMNS.join(",")];
  for (const { indicator, cells } of tables) {
    for (const cell of cells) lines.push(row(indicator, cell).map(quote).join(","));
  }
  return lines.join(EOL) + EOL;
}

function row(indicator: SdmxTable["indicator"], cell: Observation): string[] {
  const flag: CellFlag = cell.flag;
  const { freq, period } = timeOf(cell.year, cell.month);
  return [
    "dataflow",
    STRUCTURE_ID,
    // I: information, the export of what the office publishes (not a submission to merge or replace).
    "I",
    freq,
    indicator.code,
    cell.sex,
    cell.age,
    cell.citizenship,
    geoCode(cell.region),
    cell.breakdown,
    period,
    flag === "SUPPRESSED" || cell.value === null ? "" : String(cell.value),
    OBS_STATUS[flag],
    CONF_STATUS[flag],
    indicator.unit,
  ];
}

/** A field quoted only when it must be (comma, quote or line break), quotes doubled. */
const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
