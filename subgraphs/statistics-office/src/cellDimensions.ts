/** A stored cell read by dimension: its code in each, and whether a template publishes it. */
import { STATISTICAL_DIMENSIONS, TOTAL, type StatisticalDimension } from "@hub/contracts";
import type { Observation } from "./Observation.entity";

export type CellCodes = Pick<Observation, "sex" | "age" | "citizenship" | "region" | "month" | "breakdown">;

const FIELD = {
  SEX: "sex",
  AGE: "age",
  CITIZENSHIP: "citizenship",
  REGION: "region",
  MONTH: "month",
  BREAKDOWN: "breakdown",
} as const satisfies Record<StatisticalDimension, keyof CellCodes>;

export const codeOf = (cell: CellCodes, dimension: StatisticalDimension): string => cell[FIELD[dimension]];

/** A cell belongs to a publication broken down by `dimensions` when it is at the total of every other one. */
export const isPublishedBy = (cell: CellCodes, dimensions: readonly StatisticalDimension[]): boolean =>
  STATISTICAL_DIMENSIONS.every((d) => dimensions.includes(d) || codeOf(cell, d) === TOTAL);

/** The cell of one sex (or `_T`) at the total of every other dimension. */
export const isSexMargin = (cell: CellCodes, sex: string): boolean =>
  cell.sex === sex && STATISTICAL_DIMENSIONS.every((d) => d === "SEX" || codeOf(cell, d) === TOTAL);
