/**
 * Unit tests of the measures protected together: which measures one run takes, and that no
 * cell of one measure follows from the served cells of the others through their relations.
 */
import { describe, expect, it } from "@jest/globals";
import { derivableCells, type Line } from "@hub/kit";
import {
  estimateSurveyTables,
  MINIMUM_RESPONDENTS,
  WEIGHT_UNITS_PER_HOUSEHOLD,
  type EstimatedCell,
  type Microcell,
} from "./estimateSurveyTables";
import { SURVEY_DIMENSIONS } from "./surveyDimensions";
import { SurveyDimension, SurveyEstimateFlag, SurveyMeasure } from "./surveyEnums";
import { linkedSurveyMeasures, SURVEY_MEASURE_RELATIONS, type SurveyMeasureRelation } from "./surveyMeasureRelations";

const { HOUSEHOLDS, HOUSEHOLDS_RECEIVING_REMITTANCES, HOUSEHOLD_MEMBERS } = SurveyMeasure;
const { MEMBERS_EVER_ABROAD: EVER, MEMBERS_CURRENTLY_ABROAD: NOW, RETURNED_MIGRANTS: BACK } = SurveyMeasure;
const { INTENDING_TO_RETURN } = SurveyMeasure;
const REASON = SURVEY_DIMENSIONS[SurveyDimension.REASON];
const REASONS = ["WORK", "STUDY", "FAMILY", "OTHER"] as const;
type ByReason = Record<(typeof REASONS)[number], number>;

/** Respondents by reason, each of weight 100. */
const byReason = (counts: ByReason): Microcell[] =>
  REASONS.map((reason) => ({
    codes: [REASON.classify(reason)],
    respondents: counts[reason],
    weightUnits: counts[reason] * 100 * WEIGHT_UNITS_PER_HOUSEHOLD,
  }));
/** Counts by the codes served, total included. */
const coded = (counts: ByReason) =>
  new Map([
    ["_T", REASONS.reduce((s, r) => s + counts[r], 0)],
    ...REASONS.map((r) => [REASON.classify(r)[0] as string, counts[r]] as const),
  ]);
const sum = (...tables: ByReason[]) =>
  Object.fromEntries(REASONS.map((r) => [r, tables.reduce((s, t) => s + t[r], 0)])) as ByReason;

/**
 * The oracle, rebuilt apart from the estimator: every served cell of the measures, each table's
 * line and each relation cell by cell, a rest's cells unknowns of their own. Which cells it
 * determines that are suppressed, or a rest's below the threshold (`rests`: their true counts).
 */
function disclosed(
  tables: Map<SurveyMeasure, EstimatedCell[]>,
  relations: readonly SurveyMeasureRelation[],
  rests: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map(),
): string[] {
  const cells: { table: string; code: string; respondents: number | null }[] = [...tables].flatMap(([table, served]) =>
    served.map((c) => ({ table, code: c.codes[0] as string, respondents: c.respondents })),
  );
  const at = (table: string, code: string) => {
    const i = cells.findIndex((c) => c.table === table && c.code === code);
    return i >= 0 ? i : cells.push({ table, code, respondents: null }) - 1;
  };
  const lines: Line[] = [];
  const tableLine = (table: string) =>
    lines.push({ total: at(table, "_T"), parts: REASONS.map((code) => at(table, REASON.classify(code)[0] as string)) });
  [...tables.keys()].forEach(tableLine);
  for (const r of relations) {
    if (r.rest !== undefined) tableLine(r.rest);
    for (const { code } of REASON.codes) {
      const parts = [...r.parts, ...(r.rest === undefined ? [] : [r.rest])].map((m) => at(m, code));
      lines.push({ total: at(r.total, code), parts });
    }
  }
  return derivableCells(
    lines,
    cells.map((c) => c.respondents === null),
  )
    .map((i) => cells[i] as (typeof cells)[number])
    .filter((c) => (rests.get(c.table)?.get(c.code) ?? 0) < MINIMUM_RESPONDENTS)
    .map((c) => `${c.table} ${c.code}`);
}

describe("linkedSurveyMeasures", () => {
  it("gives every measure of a group, asked by the same dimensions, the same run", () => {
    const persons = [HOUSEHOLD_MEMBERS, EVER, NOW, BACK, INTENDING_TO_RETURN];
    for (const by of [[], [SurveyDimension.SEX], [SurveyDimension.AGE, SurveyDimension.REGION]]) {
      for (const m of persons) expect(linkedSurveyMeasures(m, by)).toEqual(linkedSurveyMeasures(EVER, by));
      expect(linkedSurveyMeasures(EVER, by).measures.map((s) => s.measure)).toEqual(persons);
      expect(linkedSurveyMeasures(EVER, by).relations).toHaveLength(3);
      expect(linkedSurveyMeasures(HOUSEHOLDS, by)).toEqual(linkedSurveyMeasures(HOUSEHOLDS_RECEIVING_REMITTANCES, by));
      expect(linkedSurveyMeasures(HOUSEHOLDS, by).relations).toEqual([SURVEY_MEASURE_RELATIONS[0]]);
    }
  });

  it("leaves out a measure without a table by the dimensions asked, and its relations", () => {
    const byDestination = linkedSurveyMeasures(NOW, [SurveyDimension.DESTINATION]);
    expect(byDestination.measures.map((s) => s.measure)).toEqual([EVER, NOW, BACK, INTENDING_TO_RETURN]);
    expect(byDestination.relations.map((r) => r.total)).toEqual([EVER, NOW]);
    const byAmount = linkedSurveyMeasures(HOUSEHOLDS_RECEIVING_REMITTANCES, [SurveyDimension.REMITTANCE_AMOUNT]);
    expect(byAmount).toEqual({
      measures: [expect.objectContaining({ measure: HOUSEHOLDS_RECEIVING_REMITTANCES })],
      relations: [],
    });
  });
});

describe("estimateSurveyTables, linked measures", () => {
  const everNowBack = SURVEY_MEASURE_RELATIONS.filter((r) => r.total === EVER);
  const nowIntending = SURVEY_MEASURE_RELATIONS.filter((r) => r.total === NOW);
  const NOT_BACK = nowIntending[0]?.rest as string;

  it("never serves members abroad now as those ever abroad minus those back", () => {
    const now = { WORK: 200, STUDY: 5, FAMILY: 80, OTHER: 60 };
    const back = { WORK: 300, STUDY: 100, FAMILY: 90, OTHER: 70 };
    const micro = new Map([
      [EVER, byReason(sum(now, back))],
      [NOW, byReason(now)],
      [BACK, byReason(back)],
    ]);
    // Alone, every table hides STUDY and one more of its line, and EVER STUDY - BACK STUDY is 5.
    const alone = [...micro].map(([m, cells]) => estimateSurveyTables([REASON], new Map([[m, cells]]), []).get(m));
    expect(alone.map((t) => t?.find((c) => c.codes[0] === "STUDY")?.respondents ?? null)).toEqual([105, null, 100]);
    const tables = estimateSurveyTables([REASON], micro, everNowBack);
    expect(tables.get(NOW)?.find((c) => c.codes[0] === "STUDY")?.flag).toBe(SurveyEstimateFlag.SUPPRESSED);
    expect(disclosed(tables, everNowBack)).toEqual([]);
  });

  it("protects a relation's rest, which no table serves, like a served cell", () => {
    const intending = { WORK: 197, STUDY: 40, FAMILY: 60, OTHER: 50 };
    const notIntending = { WORK: 3, STUDY: 40, FAMILY: 40, OTHER: 40 };
    const tables = estimateSurveyTables(
      [REASON],
      new Map([
        [NOW, byReason(sum(intending, notIntending))],
        [INTENDING_TO_RETURN, byReason(intending)],
      ]),
      nowIntending,
    );
    const work = [NOW, INTENDING_TO_RETURN].map((m) => tables.get(m)?.find((c) => c.codes[0] === "WORK")?.respondents);
    expect(work.includes(null)).toBe(true);
    expect(disclosed(tables, nowIntending, new Map([[NOT_BACK, coded(notIntending)]]))).toEqual([]);
  });

  it("leaves no cell of the linked tables computable, over random counts", () => {
    const rng = seeded(3);
    const draw = () =>
      Object.fromEntries(REASONS.map((r) => [r, Math.floor(rng() * 70)])) as Record<(typeof REASONS)[number], number>;
    const relations = [...everNowBack, ...nowIntending];
    for (let round = 0; round < 40; round++) {
      const [intending, notIntending, back] = [draw(), draw(), draw()];
      const now = sum(intending, notIntending);
      const tables = estimateSurveyTables(
        [REASON],
        new Map([
          [EVER, byReason(sum(now, back))],
          [NOW, byReason(now)],
          [BACK, byReason(back)],
          [INTENDING_TO_RETURN, byReason(intending)],
        ]),
        relations,
      );
      expect(disclosed(tables, relations, new Map([[NOT_BACK, coded(notIntending)]]))).toEqual([]);
      for (const c of [...tables.values()].flat()) {
        if (c.respondents !== null) expect(c.respondents).toBeGreaterThanOrEqual(MINIMUM_RESPONDENTS);
      }
    }
  });

  it("refuses counts that contradict a relation", () => {
    const counts = { WORK: 100, STUDY: 100, FAMILY: 100, OTHER: 100 };
    const micro = new Map([
      [EVER, byReason(counts)],
      [NOW, byReason(counts)],
      [BACK, byReason({ ...counts, STUDY: 1 })],
    ]);
    expect(() => estimateSurveyTables([REASON], micro, everNowBack)).toThrow(/not the sum/);
  });
});

/** A small deterministic generator for the property-style tests (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
