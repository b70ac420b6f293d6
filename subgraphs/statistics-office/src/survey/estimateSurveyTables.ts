/**
 * The survey's estimator: turns weighted respondent counts into the cells of the tables of
 * linked measures by the same dimensions (each table a measure by up to two dimensions, with
 * every margin), under the survey's disclosure rules. Pure: the same records give the same cells,
 * whatever order they come in and whatever order the dimensions are asked in.
 *
 * - Estimate: the sum of the design weights of the respondents in the cell (Horvitz-Thompson),
 *   served rounded to the nearest 100, since a survey cannot claim more.
 * - Respondents: the unweighted count behind the estimate, served beside it, so a reader can
 *   judge its precision.
 * - A cell with fewer than 30 respondents is suppressed: estimate and count both null. Then
 *   secondary suppression with the kit's suppressCells, as for the agencies' aggregates, in one
 *   run over the tables of all the linked measures: the lines are each table's sums and, cell by
 *   cell, the relations between the measures (surveyMeasureRelations.ts). A relation's rest (say,
 *   members never abroad) is a table of its own in the run, never served, whose small cells are
 *   suppressed like served ones, since the served cells imply them.
 * - A cell served from fewer than 50 respondents is flagged LOW_RELIABILITY.
 */
import { suppressCells, type Line } from "@hub/kit";
import { TOTAL, type SurveyDimensionCodes } from "./surveyDimensions";
import { SurveyDimension, SurveyEstimateFlag, SurveyMeasure } from "./surveyEnums";
import type { SurveyMeasureRelation } from "./surveyMeasureRelations";
import { combinations, layOutSurveyTable, type SurveyTableLayout } from "./surveyTableLayout";

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

interface Tally {
  respondents: number[];
  weightUnits: number[];
}

/**
 * Each measure's cells, the first dimension asked outermost, totals first.
 * `microcells` holds, for every measure of the run, its records by `dimensions`; `relations`
 * are those between these measures. A relation the counts contradict throws: protection that
 * assumed a false sum would protect nothing.
 */
export function estimateSurveyTables(
  dimensions: readonly SurveyDimensionCodes[],
  microcells: ReadonlyMap<SurveyMeasure, Iterable<Microcell>>,
  relations: readonly SurveyMeasureRelation[],
): Map<SurveyMeasure, EstimatedCell[]> {
  // Protection runs on one order of the dimensions and of the measures, so that suppressCells'
  // ties fall the same way however the question was put.
  const canonical = [...dimensions].sort(
    (a, b) => DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension),
  );
  const layout = layOutSurveyTable(canonical);
  const measures = MEASURE_ORDER.filter((m) => microcells.has(m));
  const order = toCanonical(canonical, dimensions);
  const tallies = measures.map((m) => tally(order, layout, microcells.get(m) ?? []));
  const run = linkTables(layout, measures, tallies, relations);
  const hidden = suppressCells(
    run.lines,
    run.counts,
    run.counts.map((n) => n < MINIMUM_RESPONDENTS),
  );
  const size = layout.cells.length;
  return new Map(
    measures.map((m, block) => [
      m,
      servedCells(dimensions, order, layout, tallies[block] as Tally, (cell) => hidden[block * size + cell] === true),
    ]),
  );
}

/** Nearest multiple of ROUNDING_BASE households or persons; halves round up. */
export function roundEstimate(weightUnits: number): number {
  return Math.round(weightUnits / (WEIGHT_UNITS_PER_HOUSEHOLD * ROUNDING_BASE)) * ROUNDING_BASE;
}

const DIMENSION_ORDER = Object.values(SurveyDimension);
const MEASURE_ORDER = Object.values(SurveyMeasure);

/** Reorders anything given per dimension in the order asked into the canonical order. */
function toCanonical(canonical: readonly SurveyDimensionCodes[], asked: readonly SurveyDimensionCodes[]) {
  const from = canonical.map((d) => asked.indexOf(d));
  return <T>(perAsked: readonly T[]): T[] => from.map((i) => perAsked[i] as T);
}

/** Respondents and weights of every cell of the layout; microcells are coded in the order asked. */
function tally(
  order: <T>(perAsked: readonly T[]) => T[],
  layout: SurveyTableLayout,
  microcells: Iterable<Microcell>,
): Tally {
  const respondents = new Array<number>(layout.cells.length).fill(0);
  const weightUnits = new Array<number>(layout.cells.length).fill(0);
  for (const micro of microcells) {
    for (const codes of combinations(order(micro.codes).map((c) => [TOTAL, ...c]))) {
      const cell = layout.indexOf.get(codes.join("|"));
      if (cell === undefined) throw new Error(`no cell ${codes.join(", ")} in the table`);
      respondents[cell] = (respondents[cell] as number) + micro.respondents;
      weightUnits[cell] = (weightUnits[cell] as number) + micro.weightUnits;
    }
  }
  return { respondents, weightUnits };
}

/** One measure's cells as served: in the order asked, suppressed ones without estimate or count. */
function servedCells(
  asked: readonly SurveyDimensionCodes[],
  order: <T>(perAsked: readonly T[]) => T[],
  layout: SurveyTableLayout,
  { respondents, weightUnits }: Tally,
  hidden: (cell: number) => boolean,
): EstimatedCell[] {
  return combinations(asked.map((d) => d.codes.map((c) => c.code))).map((codes) => {
    const cell = layout.indexOf.get(order(codes).join("|")) as number;
    if (hidden(cell)) return { codes, estimate: null, respondents: null, flag: SurveyEstimateFlag.SUPPRESSED };
    const n = respondents[cell] as number;
    return {
      codes,
      estimate: roundEstimate(weightUnits[cell] as number),
      respondents: n,
      flag: n < LOW_RELIABILITY_BELOW ? SurveyEstimateFlag.LOW_RELIABILITY : SurveyEstimateFlag.NONE,
    };
  });
}

/**
 * The tables as one: measure i's cell c is cell i x size + c, the rests' tables after the
 * measures'; each table's lines, and for each relation, cell by cell, total = parts (+ rest).
 */
function linkTables(
  layout: SurveyTableLayout,
  measures: readonly SurveyMeasure[],
  tallies: readonly Tally[],
  relations: readonly SurveyMeasureRelation[],
): { counts: number[]; lines: Line[] } {
  const size = layout.cells.length;
  const blockOf = (m: SurveyMeasure) => {
    const block = measures.indexOf(m);
    if (block < 0) throw new Error(`relation of ${m}, a measure not estimated in this run`);
    return block;
  };
  const respondentsOf = (block: number) => (tallies[block] as Tally).respondents;
  const counts = tallies.flatMap((t) => t.respondents);
  const lines: Line[] = measures.flatMap((_, block) => layout.lines.map((l) => shifted(l, block * size)));
  for (const relation of relations) {
    const total = blockOf(relation.total);
    const parts = relation.parts.map(blockOf);
    const rest = respondentsOf(total).map((n, cell) =>
      parts.reduce((r, b) => r - (respondentsOf(b)[cell] as number), n),
    );
    if (rest.some((n) => n < 0) || (relation.rest === undefined && rest.some((n) => n !== 0))) {
      throw new Error(`${relation.total} is not the sum of ${relation.parts.join(", ")} in every cell`);
    }
    if (relation.rest !== undefined) {
      const block = counts.length / size;
      counts.push(...rest);
      lines.push(...layout.lines.map((l) => shifted(l, block * size)));
      parts.push(block);
    }
    for (let cell = 0; cell < size; cell++) {
      lines.push({ total: total * size + cell, parts: parts.map((b) => b * size + cell) });
    }
  }
  return { counts, lines };
}

/** A line of one table moved to that table's cells in the run. */
const shifted = (line: Line, offset: number): Line => ({
  total: line.total + offset,
  parts: line.parts.map((p) => p + offset),
});
