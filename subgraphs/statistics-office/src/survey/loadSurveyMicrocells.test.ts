/**
 * The survey's SQL against a real PostgreSQL database: the seeded round, read back as estimates,
 * matches counts and weights computed independently from the synthetic survey.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DataSource } from "typeorm";
import { generateWorld, type SyntheticSurveyMember } from "@hub/synthetic";
import { entities, migrations } from "../subgraph";
import {
  estimateSurveyTables,
  MINIMUM_RESPONDENTS,
  roundEstimate,
  WEIGHT_UNITS_PER_HOUSEHOLD,
  type EstimatedCell,
  type Microcell,
} from "./estimateSurveyTables";
import { loadSurveyMicrocells } from "./loadSurveyMicrocells";
import { seedSurvey } from "./seedSurvey";
import { SURVEY_DIMENSIONS, type SurveyDimensionCodes } from "./surveyDimensions";
import { SurveyDimension, SurveyEstimateFlag, SurveyMeasure } from "./surveyEnums";
import { linkedSurveyMeasures, SURVEY_MEASURE_RELATIONS } from "./surveyMeasureRelations";
import { SURVEY_MEASURES } from "./surveyMeasures";
import { surveyTableDimensions } from "./surveyTableRequest";

const ADMIN_URL = process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
const survey = generateWorld({ persons: 3000 }).survey;
const name = `hub_unit_survey_${randomBytes(4).toString("hex")}`;
const admin = new DataSource({ type: "postgres", url: ADMIN_URL, extra: { max: 1 } });
let db: DataSource;

beforeAll(async () => {
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  db = new DataSource({
    type: "postgres",
    url: url.toString(),
    entities,
    migrations,
    migrationsTableName: "schema_migrations",
  });
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
  await db.transaction((m) => seedSurvey(m, survey));
}, 30_000);

afterAll(async () => {
  await db?.destroy();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.destroy();
});

const latest = (m: SyntheticSurveyMember) => m.episodes[m.episodes.length - 1];
const members = survey.households.flatMap((h) => h.members.map((m) => ({ ...m, household: h })));
/** Each measure's respondents, straight from the generated survey: the oracle for the SQL. */
const oracle: Record<SurveyMeasure, { weight: number; sex: string; destination?: string }[]> = {
  HOUSEHOLDS: survey.households.map((h) => ({ weight: h.weight, sex: h.members[0]?.sex ?? "" })),
  HOUSEHOLDS_RECEIVING_REMITTANCES: survey.households
    .filter((h) => h.receivesRemittances)
    .map((h) => ({ weight: h.weight, sex: h.members[0]?.sex ?? "" })),
  HOUSEHOLD_MEMBERS: members.map((m) => ({ weight: m.household.weight, sex: m.sex })),
  MEMBERS_EVER_ABROAD: members.filter((m) => latest(m)).map((m) => ({ weight: m.household.weight, sex: m.sex })),
  MEMBERS_CURRENTLY_ABROAD: members
    .filter((m) => latest(m)?.returnYear === null)
    .map((m) => ({ weight: m.household.weight, sex: m.sex, destination: latest(m)?.destination })),
  RETURNED_MIGRANTS: members
    .filter((m) => typeof latest(m)?.returnYear === "number")
    .map((m) => ({ weight: m.household.weight, sex: m.sex })),
  INTENDING_TO_RETURN: members
    .filter((m) => latest(m)?.returnYear === null && m.intendsToReturn === "YES")
    .map((m) => ({ weight: m.household.weight, sex: m.sex })),
};
/** One measure's table on its own, no relation to another. */
const oneTable = (dimensions: readonly SurveyDimensionCodes[], microcells: readonly Microcell[]) =>
  estimateSurveyTables(dimensions, new Map([[SurveyMeasure.HOUSEHOLDS, microcells]]), []).get(
    SurveyMeasure.HOUSEHOLDS,
  ) as EstimatedCell[];
/** Respondents by code of a table by one dimension (or none: the total). */
const respondentsByCode = (microcells: readonly Microcell[]) => {
  const counts = new Map<string, number>();
  for (const m of microcells)
    for (const code of m.codes[0] ?? ["_T"]) counts.set(code, (counts.get(code) ?? 0) + m.respondents);
  return counts;
};
const units = (rows: { weight: number }[]) =>
  rows.reduce((a, r) => a + Math.round(r.weight * WEIGHT_UNITS_PER_HOUSEHOLD), 0);

describe("loadSurveyMicrocells", () => {
  it("estimates every measure's total from the seeded round as the survey itself gives it", async () => {
    for (const measure of Object.values(SurveyMeasure)) {
      const [total] = oneTable([], await loadSurveyMicrocells(db, survey.year, SURVEY_MEASURES[measure], []));
      expect({ measure, respondents: total?.respondents, estimate: total?.estimate }).toEqual({
        measure,
        respondents: oracle[measure].length,
        estimate: roundEstimate(units(oracle[measure])),
      });
    }
  });

  it("gives each region its sampled households and its population, about 893,000 households in all", async () => {
    const dimensions = surveyTableDimensions(SURVEY_MEASURES.HOUSEHOLDS, [SurveyDimension.REGION]);
    const micro = await loadSurveyMicrocells(db, survey.year, SURVEY_MEASURES.HOUSEHOLDS, dimensions);
    const cells = oneTable(dimensions, micro);
    for (const stratum of survey.strata) {
      const cell = cells.find((c) => c.codes[0] === stratum.region);
      if (stratum.householdsSampled < MINIMUM_RESPONDENTS) expect(cell?.flag).toBe(SurveyEstimateFlag.SUPPRESSED);
      else
        expect(cell).toMatchObject({
          respondents: stratum.householdsSampled,
          estimate: stratum.householdsInPopulation,
        });
    }
    expect(cells[0]).toMatchObject({ codes: ["_T"], respondents: survey.households.length, estimate: 893_000 });
  });

  it("breaks members abroad down by sex and destination as the records say, small cells suppressed", async () => {
    const spec = SURVEY_MEASURES.MEMBERS_CURRENTLY_ABROAD;
    const dimensions = surveyTableDimensions(spec, [SurveyDimension.SEX, SurveyDimension.DESTINATION]);
    // As the resolver serves it: protected together with the measures linked to it.
    const linked = linkedSurveyMeasures(spec.measure, [SurveyDimension.SEX, SurveyDimension.DESTINATION]);
    const micro = new Map<SurveyMeasure, Microcell[]>();
    for (const m of linked.measures) micro.set(m.measure, await loadSurveyMicrocells(db, survey.year, m, dimensions));
    const cells = estimateSurveyTables(dimensions, micro, linked.relations).get(spec.measure) as EstimatedCell[];
    const [sex, destination] = [SURVEY_DIMENSIONS.SEX, SURVEY_DIMENSIONS.DESTINATION];
    let suppressed = 0;
    for (const cell of cells) {
      const [s, d] = cell.codes as [string, string];
      const rows = oracle.MEMBERS_CURRENTLY_ABROAD.filter(
        (r) =>
          (s === "_T" || sex.classify(r.sex).includes(s)) &&
          (d === "_T" || destination.classify(r.destination ?? "").includes(d)),
      );
      if (cell.flag === SurveyEstimateFlag.SUPPRESSED) suppressed++;
      else
        expect({ codes: cell.codes, respondents: cell.respondents, estimate: cell.estimate }).toEqual({
          codes: cell.codes,
          respondents: rows.length,
          estimate: roundEstimate(units(rows)),
        });
      if (rows.length < MINIMUM_RESPONDENTS) expect(cell.flag).toBe(SurveyEstimateFlag.SUPPRESSED);
    }
    expect(suppressed).toBeGreaterThan(0);
    expect(suppressed).toBeLessThan(cells.length / 2);
  });
});

describe("the measures' relations", () => {
  it("hold cell by cell in the seeded round, by every dimension the measures share", async () => {
    for (const relation of SURVEY_MEASURE_RELATIONS) {
      const [total, ...parts] = [relation.total, ...relation.parts].map((m) => SURVEY_MEASURES[m]);
      const shared = total?.dimensions.filter((d) => parts.every((p) => p?.dimensions.includes(d))) ?? [];
      for (const by of [[], ...shared.map((d) => [d])]) {
        const dimensions = by.map((d) => SURVEY_DIMENSIONS[d]);
        const [whole, ...counted] = await Promise.all(
          [relation.total, ...relation.parts].map(async (m) =>
            respondentsByCode(await loadSurveyMicrocells(db, survey.year, SURVEY_MEASURES[m], dimensions)),
          ),
        );
        for (const [code, n] of whole ?? []) {
          const rest = counted.reduce((r, c) => r - (c.get(code) ?? 0), n);
          const where = `${relation.total} by ${by.join(",") || "nothing"} at ${code}`;
          if (relation.rest === undefined) expect({ where, rest }).toEqual({ where, rest: 0 });
          else expect({ where, rest: rest >= 0 }).toEqual({ where, rest: true });
        }
        // No part counts a code its total lacks.
        for (const c of counted) for (const code of c.keys()) expect(whole?.has(code)).toBe(true);
      }
    }
  });
});

describe("surveyTableDimensions", () => {
  const badInput = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return (error as { extensions?: { code?: string } }).extensions?.code;
    }
    return "accepted";
  };

  it("refuses more than two dimensions, a dimension twice and one the measure has no data for", () => {
    const { SEX, AGE, REGION, DESTINATION } = SurveyDimension;
    expect(badInput(() => surveyTableDimensions(SURVEY_MEASURES.MEMBERS_EVER_ABROAD, [SEX, AGE, REGION]))).toBe(
      "BAD_USER_INPUT",
    );
    expect(badInput(() => surveyTableDimensions(SURVEY_MEASURES.MEMBERS_EVER_ABROAD, [SEX, SEX]))).toBe(
      "BAD_USER_INPUT",
    );
    expect(badInput(() => surveyTableDimensions(SURVEY_MEASURES.HOUSEHOLDS, [DESTINATION]))).toBe("BAD_USER_INPUT");
    expect(badInput(() => surveyTableDimensions(SURVEY_MEASURES.MEMBERS_EVER_ABROAD, [REGION, DESTINATION]))).toBe(
      "accepted",
    );
  });

  it("defines every measure, and codes every answer the survey records", () => {
    expect(Object.keys(SURVEY_MEASURES).sort()).toEqual(Object.values(SurveyMeasure).sort());
    for (const m of members) {
      for (const e of m.episodes) {
        expect(SURVEY_DIMENSIONS.DESTINATION.classify(e.destination)).toHaveLength(1);
        expect(SURVEY_DIMENSIONS.REASON.classify(e.reason)).toHaveLength(1);
      }
      expect(SURVEY_DIMENSIONS.AGE.classify(m.age)).toHaveLength(2);
    }
  });
});
