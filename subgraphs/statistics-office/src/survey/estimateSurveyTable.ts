/**
 * The survey's estimator: turns weighted respondent counts into the cells of one table (a
 * measure by up to two dimensions, with every margin), under the survey's disclosure rules.
 * Pure: the same records give the same cells, whatever order they come in.
 *
 * - Estimate: the sum of the design weights of the respondents in the cell (Horvitz-Thompson),
 *   served rounded to the nearest 100, since a survey cannot claim more.
 * - Respondents: the unweighted count behind the estimate, served beside it, so a reader can
 *   judge its precision.
 * - A cell with fewer than 30 respondents is suppressed: estimate and count both null. Then
 *   secondary suppression with the kit's suppressCells, as for the agencies' aggregates: no
 *   suppressed cell can be computed from the cells served and the table's sums (a total minus
 *   the other parts of a line).
 * - A cell served from fewer than 50 respondents is flagged LOW_RELIABILITY.
 */
import { suppressCells } from "@hub/kit";
import { SurveyEstimateFlag } from "./surveyEnums";
import { TOTAL, type SurveyDimensionCodes } from "./surveyDimensions";

export const MINIMUM_RESPONDENTS = 30;
export const LOW_RELIABILITY_BELOW = 50;
export const ROUNDING_BASE = 100;
/** Weights are stored to four decimals and summed as whole ten-thousandths: exact, in any order. */
export const WEIGHT_UNITS_PER_HOUSEHOLD = 10_000;

/** Respondents who answered alike on the table's dimensions, with the sum of their weights. */
export interface Microcell {
  /** Per dimension of the table, the codes (total excepted) the answer falls in; see `classify`. */
  codes: readonly (readonly string[])[];
  respondents: number;
  /** Sum of the design weights, in WEIGHT_UNITS_PER_HOUSEHOLD. */
  weightUnits: number;
}

export interface EstimatedCell {
  /** One code per dimension of the table, in the table's order. */
  codes: readonly string[];
  estimate: number | null;
  respondents: number | null;
  flag: SurveyEstimateFlag;
}

/** Cells of the table, in canonical order: the first dimension's codes outermost, totals first. */
export function estimateSurveyTable(
  dimensions: readonly SurveyDimensionCodes[],
  microcells: Iterable<Microcell>,
): EstimatedCell[] {
  const layout = cellsOf(dimensions);
  const respondents = new Array<number>(layout.cells.length).fill(0);
  const weightUnits = new Array<number>(layout.cells.length).fill(0);
  for (const micro of microcells) {
    for (const codes of combinations(micro.codes.map((c) => [TOTAL, ...c]))) {
      const cell = layout.indexOf.get(codes.join("|"));
      if (cell === undefined) throw new Error(`no cell ${codes.join(", ")} in the table`);
      respondents[cell] = (respondents[cell] as number) + micro.respondents;
      weightUnits[cell] = (weightUnits[cell] as number) + micro.weightUnits;
    }
  }
  const primary = respondents.map((n) => n < MINIMUM_RESPONDENTS);
  const hidden = suppressCells(linesOf(dimensions, layout.indexOf), respondents, primary);
  return layout.cells.map((codes, cell) => {
    if (hidden[cell]) return { codes, estimate: null, respondents: null, flag: SurveyEstimateFlag.SUPPRESSED };
    const n = respondents[cell] as number;
    return {
      codes,
      estimate: roundEstimate(weightUnits[cell] as number),
      respondents: n,
      flag: n < LOW_RELIABILITY_BELOW ? SurveyEstimateFlag.LOW_RELIABILITY : SurveyEstimateFlag.NONE,
    };
  });
}

/** Nearest multiple of ROUNDING_BASE households or persons; halves round up. */
export function roundEstimate(weightUnits: number): number {
  return Math.round(weightUnits / (WEIGHT_UNITS_PER_HOUSEHOLD * ROUNDING_BASE)) * ROUNDING_BASE;
}

interface Layout {
  cells: readonly (readonly string[])[];
  indexOf: ReadonlyMap<string, number>;
}

function cellsOf(dimensions: readonly SurveyDimensionCodes[]): Layout {
  const cells = combinations(dimensions.map((d) => d.codes.map((c) => c.code)));
  return { cells, indexOf: new Map(cells.map((codes, i) => [codes.join("|"), i])) };
}

/** Every line of every dimension, at every combination of the other dimensions' codes. */
function linesOf(dimensions: readonly SurveyDimensionCodes[], indexOf: ReadonlyMap<string, number>) {
  const cell = (codes: readonly string[]) => indexOf.get(codes.join("|")) as number;
  return dimensions.flatMap((dimension, d) => {
    const others = dimensions.map((o, i) => (i === d ? [TOTAL] : o.codes.map((c) => c.code)));
    return combinations(others).flatMap((at) =>
      dimension.lines.map((line) => {
        const cellWith = (code: string) => cell(at.map((c, i) => (i === d ? code : c)));
        return { total: cellWith(line.total), parts: line.parts.map(cellWith) };
      }),
    );
  });
}

/** The cartesian product, the first list outermost; one empty combination for no lists. */
function combinations(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}
