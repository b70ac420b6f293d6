/**
 * Unit tests of the survey estimator: weights, respondent threshold, secondary suppression within
 * a table, across nested ages and across linked measures, rounding, determinism.
 */
import { describe, expect, it } from "@jest/globals";
import { derivableCells } from "@hub/kit";
import {
  estimateSurveyTables,
  LOW_RELIABILITY_BELOW,
  MINIMUM_RESPONDENTS,
  roundEstimate,
  WEIGHT_UNITS_PER_HOUSEHOLD,
  type EstimatedCell,
  type Microcell,
} from "./estimateSurveyTables";
import { SURVEY_DIMENSIONS, type SurveyDimensionCodes } from "./surveyDimensions";
import { SurveyDimension, SurveyEstimateFlag, SurveyMeasure } from "./surveyEnums";

const SEX = SURVEY_DIMENSIONS[SurveyDimension.SEX];
const AGE = SURVEY_DIMENSIONS[SurveyDimension.AGE];
const REASON = SURVEY_DIMENSIONS[SurveyDimension.REASON];

/** `count` respondents answering alike, each of design weight `weight`. */
function answered(
  dimensions: readonly SurveyDimensionCodes[],
  answers: readonly (string | number)[],
  count: number,
  weight: number,
): Microcell {
  return {
    codes: dimensions.map((d, i) => d.classify(answers[i] as string | number)),
    respondents: count,
    weightUnits: Math.round(weight * WEIGHT_UNITS_PER_HOUSEHOLD) * count,
  };
}

/** One measure's table on its own, no relation to another. */
const oneTable = (dimensions: readonly SurveyDimensionCodes[], microcells: readonly Microcell[]) =>
  estimateSurveyTables(dimensions, new Map([[SurveyMeasure.HOUSEHOLDS, microcells]]), []).get(
    SurveyMeasure.HOUSEHOLDS,
  ) as EstimatedCell[];

const cellAt = (cells: readonly EstimatedCell[], ...codes: string[]) => {
  const cell = cells.find((c) => c.codes.join("|") === codes.join("|"));
  if (!cell) throw new Error(`no cell ${codes.join(", ")}`);
  return cell;
};

/** The table's lines by cell index, rebuilt independently of the estimator for the oracle. */
function linesOf2D(rows: SurveyDimensionCodes, columns: SurveyDimensionCodes) {
  const index = (r: string, c: string) =>
    rows.codes.findIndex((x) => x.code === r) * columns.codes.length + columns.codes.findIndex((x) => x.code === c);
  const lines: { total: number; parts: number[] }[] = [];
  for (const c of columns.codes)
    for (const l of rows.lines)
      lines.push({ total: index(l.total, c.code), parts: l.parts.map((p) => index(p, c.code)) });
  for (const r of rows.codes)
    for (const l of columns.lines)
      lines.push({ total: index(r.code, l.total), parts: l.parts.map((p) => index(r.code, p)) });
  return lines;
}

describe("estimateSurveyTables, one measure: weighting", () => {
  it("sums design weights per cell and margin, and counts respondents unweighted", () => {
    const cells = oneTable(
      [SEX],
      [
        answered([SEX], ["FEMALE"], 60, 612.5),
        answered([SEX], ["MALE"], 40, 1500.25),
        answered([SEX], ["FEMALE"], 10, 300),
      ],
    );
    expect(cells.map((c) => c.codes[0])).toEqual(["_T", "F", "M"]);
    expect(cellAt(cells, "F")).toEqual({
      codes: ["F"],
      estimate: 39_800,
      respondents: 70,
      flag: SurveyEstimateFlag.NONE,
    });
    expect(cellAt(cells, "M")).toEqual({
      codes: ["M"],
      estimate: 60_000,
      respondents: 40,
      flag: SurveyEstimateFlag.LOW_RELIABILITY,
    });
    // 60 x 612.5 + 40 x 1500.25 + 10 x 300 = 99,760: the margin is rounded from the exact sum, not summed from rounded parts.
    expect(cellAt(cells, "_T")).toEqual({
      codes: ["_T"],
      estimate: 99_800,
      respondents: 110,
      flag: SurveyEstimateFlag.NONE,
    });
  });

  it("counts a respondent in a broad age group and in the band nested in it", () => {
    const cells = oneTable(
      [AGE],
      [10, 16, 25, 35, 50, 70].map((age) => answered([AGE], [age], 40, 100)),
    );
    expect(cells.map((c) => c.codes[0])).toEqual(AGE.codes.map((c) => c.code));
    expect(cellAt(cells, "_T").respondents).toBe(240);
    expect(cellAt(cells, "Y_LT18").respondents).toBe(80);
    expect(cellAt(cells, "Y15-17").respondents).toBe(40);
    expect(cellAt(cells, "Y_GE18").respondents).toBe(160);
    expect(cellAt(cells, "Y18-29").respondents).toBe(40);
  });

  it("has bands that nest in the broad groups: none crosses 18", () => {
    for (const age of [14, 15, 17, 18, 29, 30, 59, 60, 95]) {
      const [broad, band] = AGE.classify(age) as [string, string];
      const group = AGE.lines.find((l) => l.total === broad);
      expect({ age, nested: group?.parts.includes(band) }).toEqual({ age, nested: true });
    }
  });

  it("gives one total cell for a table by no dimension", () => {
    const cells = oneTable([], [{ codes: [], respondents: 1234, weightUnits: 5_678_901 * WEIGHT_UNITS_PER_HOUSEHOLD }]);
    expect(cells).toEqual([{ codes: [], estimate: 5_678_900, respondents: 1234, flag: SurveyEstimateFlag.NONE }]);
  });
});

describe("estimateSurveyTables, one measure: respondent threshold", () => {
  it(`suppresses a cell below ${MINIMUM_RESPONDENTS} respondents, estimate and count both, and serves one at it`, () => {
    const cells = oneTable(
      [REASON],
      [
        answered([REASON], ["WORK"], 200, 500),
        answered([REASON], ["STUDY"], MINIMUM_RESPONDENTS - 1, 500),
        answered([REASON], ["FAMILY"], MINIMUM_RESPONDENTS, 500),
        answered([REASON], ["OTHER"], LOW_RELIABILITY_BELOW, 500),
      ],
    );
    expect(cellAt(cells, "STUDY")).toEqual({
      codes: ["STUDY"],
      estimate: null,
      respondents: null,
      flag: SurveyEstimateFlag.SUPPRESSED,
    });
    // FAMILY is the smallest visible part of the line, hidden so that STUDY = total - the others cannot be computed.
    expect(cellAt(cells, "FAMILY").flag).toBe(SurveyEstimateFlag.SUPPRESSED);
    expect(cellAt(cells, "_O")).toEqual({
      codes: ["_O"],
      estimate: 25_000,
      respondents: 50,
      flag: SurveyEstimateFlag.NONE,
    });
    expect(cellAt(cells, "WORK").respondents).toBe(200);
  });

  it("suppresses empty cells too, and a lone small part's sibling even when large", () => {
    const cells = oneTable([SEX], [answered([SEX], ["MALE"], 500, 100), answered([SEX], ["FEMALE"], 3, 100)]);
    expect(cellAt(cells, "F").flag).toBe(SurveyEstimateFlag.SUPPRESSED);
    expect(cellAt(cells, "M")).toEqual({
      codes: ["M"],
      estimate: null,
      respondents: null,
      flag: SurveyEstimateFlag.SUPPRESSED,
    });
    expect(cellAt(cells, "_T").respondents).toBe(503);
    const empty = oneTable(
      [REASON],
      [
        answered([REASON], ["WORK"], 300, 100),
        answered([REASON], ["FAMILY"], 300, 100),
        answered([REASON], ["OTHER"], 300, 100),
      ],
    );
    expect(cellAt(empty, "STUDY").flag).toBe(SurveyEstimateFlag.SUPPRESSED);
  });

  it("leaves no suppressed cell computable from the served ones, across rows and columns", () => {
    const rng = seeded(7);
    for (let round = 0; round < 40; round++) {
      const micro: Microcell[] = [];
      for (const sex of ["FEMALE", "MALE"]) {
        for (const reason of ["WORK", "STUDY", "FAMILY", "OTHER"]) {
          micro.push(answered([SEX, REASON], [sex, reason], Math.floor(rng() * 90), 100 + rng() * 900));
        }
      }
      const cells = oneTable([SEX, REASON], micro);
      const hidden = cells.map((c) => c.flag === SurveyEstimateFlag.SUPPRESSED);
      const lines = linesOf2D(SEX, REASON);
      expect(derivableCells(lines, hidden)).toEqual([]);
      for (const line of lines) expect([line.total, ...line.parts].filter((i) => hidden[i]).length).not.toBe(1);
      for (const c of cells) {
        if (c.respondents !== null) expect(c.respondents).toBeGreaterThanOrEqual(MINIMUM_RESPONDENTS);
        expect(c.estimate === null).toBe(c.respondents === null);
      }
    }
  });
});

describe("estimateSurveyTables, one measure: rounding and determinism", () => {
  it("rounds to the nearest 100, halves up", () => {
    const units = (n: number) => n * WEIGHT_UNITS_PER_HOUSEHOLD;
    expect(roundEstimate(units(1249.9999))).toBe(1200);
    expect(roundEstimate(units(1250))).toBe(1300);
    expect(roundEstimate(units(49))).toBe(0);
    expect(roundEstimate(units(893_000))).toBe(893_000);
  });

  it("gives the same cells whatever order the respondents come in", () => {
    const rng = seeded(11);
    const micro: Microcell[] = [];
    for (let i = 0; i < 300; i++) {
      micro.push(
        answered(
          [SEX, AGE],
          [rng() < 0.5 ? "FEMALE" : "MALE", Math.floor(rng() * 90)],
          1,
          200 + Math.floor(rng() * 800),
        ),
      );
    }
    const once = oneTable([SEX, AGE], micro);
    const shuffled = [...micro].sort(() => rng() - 0.5);
    expect(JSON.stringify(oneTable([SEX, AGE], shuffled))).toBe(JSON.stringify(once));
    expect(JSON.stringify(oneTable([SEX, AGE], micro))).toBe(JSON.stringify(once));
    expect(once).toHaveLength(SEX.codes.length * AGE.codes.length);
  });

  it("suppresses the same cells whatever order the dimensions are asked in, serving them in that order", () => {
    const rng = seeded(5);
    for (let round = 0; round < 20; round++) {
      const micro: Microcell[] = [];
      for (let i = 0; i < 150; i++) {
        micro.push(answered([SEX, AGE], [rng() < 0.5 ? "FEMALE" : "MALE", Math.floor(rng() * 90)], 1, 500));
      }
      const sexByAge = oneTable([SEX, AGE], micro);
      const ageBySex = oneTable(
        [AGE, SEX],
        micro.map((m) => ({ ...m, codes: [m.codes[1] ?? [], m.codes[0] ?? []] })),
      );
      expect(ageBySex.map((c) => c.codes[0])).toEqual(AGE.codes.flatMap((a) => SEX.codes.map(() => a.code)));
      const bySexAndAge = (cells: EstimatedCell[], sex: number) =>
        Object.fromEntries(cells.map((c) => [`${c.codes[sex]}|${c.codes[1 - sex]}`, c.respondents]));
      expect(bySexAndAge(ageBySex, 1)).toEqual(bySexAndAge(sexByAge, 0));
    }
  });
});

describe("estimateSurveyTables, one measure: nested ages", () => {
  it("never serves the 15-17 year olds as the under-18s minus the under-15s", () => {
    const cells = oneTable(
      [AGE],
      [
        // More under 15 than in any adult band: the smallest part of a flat line of bands would be adult.
        answered([AGE], [10], 200, 100),
        answered([AGE], [16], MINIMUM_RESPONDENTS - 25, 100),
        ...[25, 40, 50, 70].map((a) => answered([AGE], [a], 100, 100)),
      ],
    );
    expect(cellAt(cells, "Y15-17").flag).toBe(SurveyEstimateFlag.SUPPRESSED);
    const under18 = cellAt(cells, "Y_LT18").respondents;
    const under15 = cellAt(cells, "Y_LT15").respondents;
    expect(under18 === null || under15 === null).toBe(true);
    const hidden = cells.map((c) => c.flag === SurveyEstimateFlag.SUPPRESSED);
    const index = (code: string) => cells.findIndex((c) => c.codes[0] === code);
    const nested = [
      { total: index("_T"), parts: [index("Y_LT18"), index("Y_GE18")] },
      { total: index("Y_LT18"), parts: [index("Y_LT15"), index("Y15-17")] },
      { total: index("Y_GE18"), parts: ["Y18-29", "Y30-44", "Y45-59", "Y_GE60"].map(index) },
    ];
    expect(derivableCells(nested, hidden)).toEqual([]);
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
