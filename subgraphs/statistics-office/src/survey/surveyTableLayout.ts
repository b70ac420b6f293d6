/** The cells of a survey table (every combination of its dimensions' codes) and the lines among them. */
import type { Line } from "@hub/kit";
import { TOTAL, type SurveyDimensionCodes } from "./surveyDimensions";

export interface SurveyTableLayout {
  /** One code per dimension, the first dimension's codes outermost, totals first. */
  readonly cells: readonly (readonly string[])[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Every line of every dimension, at every combination of the other dimensions' codes. */
  readonly lines: readonly Line[];
}

export function layOutSurveyTable(dimensions: readonly SurveyDimensionCodes[]): SurveyTableLayout {
  const cells = combinations(dimensions.map((d) => d.codes.map((c) => c.code)));
  const indexOf = new Map(cells.map((codes, i) => [codes.join("|"), i]));
  const cell = (codes: readonly string[]) => indexOf.get(codes.join("|")) as number;
  const lines = dimensions.flatMap((dimension, d) => {
    const others = dimensions.map((o, i) => (i === d ? [TOTAL] : o.codes.map((c) => c.code)));
    return combinations(others).flatMap((at) =>
      dimension.lines.map((line) => {
        const cellWith = (code: string) => cell(at.map((c, i) => (i === d ? code : c)));
        return { total: cellWith(line.total), parts: line.parts.map(cellWith) };
      }),
    );
  });
  return { cells, indexOf, lines };
}

/** The cartesian product, the first list outermost; one empty combination for no lists. */
export function combinations(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}
