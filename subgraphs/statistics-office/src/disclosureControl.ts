/**
 * Disclosure control of the Statistics Office's tables (POLICY-RULES.md, R5-6): one indicator
 * and year, every sex x age group x citizenship cell with its margins, is one cube of the kit's
 * protectTable, which applies the rules shared with the other agencies (thresholds, secondary
 * suppression, rounding under the STRICT regime of ASYLUM and TRAFFICKING indicators).
 */
import type { DataCategory } from "@hub/contracts";
import {
  flatDimension,
  layOutTable,
  protectTable as protectCubes,
  regimeFor,
  type Coordinates,
  type DisclosureFlag,
  type Line,
  type ProtectedCell,
  type TableDefinition,
} from "@hub/kit";
import { AGE_GROUPS, AgeGroup, ObservationFlag, SEXES, Sex } from "./enums";

/** What disclosure control needs of a stored cell. */
export interface RawCell {
  sex: Sex;
  ageGroup: AgeGroup;
  /** Null: all citizenships. */
  citizenshipCode: string | null;
  rawCount: number;
}

export interface Protected {
  value: number | null;
  flag: ObservationFlag;
}

/** The citizenship code of the margin over all citizenships: not an ISO code, so never a country's. */
const ALL_CITIZENSHIPS = "TOTAL";

const FLAGS: Readonly<Record<DisclosureFlag, ObservationFlag>> = {
  NONE: ObservationFlag.NONE,
  ROUNDED: ObservationFlag.ROUNDED,
  SUPPRESSED: ObservationFlag.SUPPRESSED,
};

/** Protects one whole table; the cells come back in the order given, each with value and flag. */
export function protectTable<T extends RawCell>(cells: readonly T[], subjectCategory: DataCategory): (T & Protected)[] {
  const counts = cells.map((c) => ({ coordinates: coordinatesOf(c), count: c.rawCount }));
  const served = protectCubes(definitionOf(cells), counts, regimeFor(subjectCategory));
  const byCell = new Map(served.cells.map((c) => [keyOf(c.coordinates), c]));
  return cells.map((cell) => {
    // Every given cell is in the one cube, so protection served it.
    const { value, flag } = byCell.get(keyOf(coordinatesOf(cell))) as ProtectedCell;
    return { ...cell, value, flag: FLAGS[flag] };
  });
}

/** Every line of the table over indices of `cells`: along sex, age group and citizenship. */
export function tableLines(cells: readonly RawCell[]): Line[] {
  const layout = layOutTable(definitionOf(cells));
  const given = new Map(cells.map((c, i) => [keyOf(coordinatesOf(c)), i]));
  const indexOf = (cell: number) => given.get(keyOf(layout.cells[cell] as Coordinates));
  return layout.lines.flatMap((line) => {
    const total = indexOf(line.total);
    const parts = line.parts.map(indexOf).filter((i): i is number => i !== undefined);
    return total === undefined || parts.length === 0 ? [] : [{ total, parts }];
  });
}

/** Sex, age group and the citizenships the table has, each in canonical order. */
function definitionOf(cells: readonly RawCell[]): TableDefinition {
  const citizenships = [...new Set(cells.map((c) => c.citizenshipCode))]
    .filter((c): c is string => c !== null)
    .sort(compareCodes);
  return {
    dimensions: [
      flatDimension("SEX", Sex.TOTAL, SEXES.slice(1)),
      flatDimension("AGE_GROUP", AgeGroup.TOTAL, AGE_GROUPS.slice(1), [AgeGroup.Y0_17]),
      flatDimension("CITIZENSHIP", ALL_CITIZENSHIPS, citizenships),
    ],
    cubes: [["SEX", "AGE_GROUP", "CITIZENSHIP"]],
  };
}

const coordinatesOf = (c: Omit<RawCell, "rawCount">): Coordinates => ({
  SEX: c.sex,
  AGE_GROUP: c.ageGroup,
  CITIZENSHIP: c.citizenshipCode ?? ALL_CITIZENSHIPS,
});

const keyOf = (c: Coordinates) => `${c.SEX}|${c.AGE_GROUP}|${c.CITIZENSHIP}`;

// Plain code-unit order, not localeCompare: the order must not depend on the server's locale.
const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical order of cells (sex, age group, citizenship; totals first). */
export function compareCells(a: Omit<RawCell, "rawCount">, b: Omit<RawCell, "rawCount">): number {
  return (
    SEXES.indexOf(a.sex) - SEXES.indexOf(b.sex) ||
    AGE_GROUPS.indexOf(a.ageGroup) - AGE_GROUPS.indexOf(b.ageGroup) ||
    compareCodes(a.citizenshipCode ?? "", b.citizenshipCode ?? "")
  );
}
