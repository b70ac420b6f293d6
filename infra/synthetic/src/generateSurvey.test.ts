/** Tests of the household migration survey: design and weights, consistency, pseudonymisation, determinism. */
import { describe, expect, it } from "@jest/globals";
import {
  COUNTRIES,
  DEFAULT_SURVEY_HOUSEHOLDS,
  REGIONS,
  Rng,
  generateSurvey,
  generateWorld,
  surveySampleSize,
} from "./index";
import type { SyntheticSurvey, SyntheticSurveyMember } from "./index";

const world = generateWorld({ persons: 3000 });
const survey = world.survey;
const members = survey.households.flatMap((h) => h.members);
const latest = (m: SyntheticSurveyMember) => m.episodes[m.episodes.length - 1];
const abroad = (m: SyntheticSurveyMember) => latest(m)?.returnYear === null;

function sampledIn(s: SyntheticSurvey, region: string): number {
  return s.households.filter((h) => h.region === region).length;
}

describe("generateSurvey: design", () => {
  it("samples about 1,500 households at the default world size, and scales gently", () => {
    expect(survey.households).toHaveLength(DEFAULT_SURVEY_HOUSEHOLDS);
    expect(surveySampleSize(400)).toBeGreaterThan(400);
    expect(surveySampleSize(400)).toBeLessThan(800);
    expect(surveySampleSize(50_000)).toBeLessThan(10 * DEFAULT_SURVEY_HOUSEHOLDS);
    expect(generateWorld({ persons: 1 }).survey.households.length).toBeGreaterThanOrEqual(100);
  });

  it("stratifies by every region of the country, the capital's sample the largest", () => {
    const regions = REGIONS.filter((r) => r.parent === null).map((r) => r.code);
    expect(survey.strata.map((s) => s.region).sort()).toEqual([...regions].sort());
    for (const stratum of survey.strata) expect(sampledIn(survey, stratum.region)).toBe(stratum.householdsSampled);
    const sizes = survey.strata.map((s) => s.householdsSampled);
    expect(survey.strata.find((s) => s.region === "AM-ER")?.householdsSampled).toBe(Math.max(...sizes));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
  });

  it("gives design weights that sum to each stratum's households, about 900,000 in all", () => {
    for (const stratum of survey.strata) {
      const weights = survey.households.filter((h) => h.region === stratum.region).map((h) => h.weight);
      expect(new Set(weights).size).toBe(1);
      const sum = weights.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - stratum.householdsInPopulation)).toBeLessThan(1);
    }
    const total = survey.households.reduce((a, h) => a + h.weight, 0);
    expect(total).toBeGreaterThan(800_000);
    expect(total).toBeLessThan(1_000_000);
  });

  it("interviews within the fieldwork months of the survey year", () => {
    expect(survey.year).toBe(2026);
    for (const h of survey.households) {
      expect(h.interviewedOn >= `${survey.year}-03-01` && h.interviewedOn <= `${survey.year}-09-30`).toBe(true);
    }
    expect(generateWorld({ persons: 50, asOf: "2020-03-15" }).survey.year).toBe(2019);
  });
});

describe("generateSurvey: households and members", () => {
  it("has rosters of plausible size, each headed by its first member", () => {
    const mean = members.length / survey.households.length;
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(4);
    for (const h of survey.households) {
      expect(h.members.map((m) => m.lineNumber)).toEqual(h.members.map((_, i) => i + 1));
      expect(h.members.filter((m) => m.relationship === "HEAD").map((m) => m.lineNumber)).toEqual([1]);
    }
    expect(members.some((m) => m.age < 18)).toBe(true);
    expect(members.every((m) => m.age >= 0 && m.age <= 99)).toBe(true);
  });

  it("keeps spells abroad in order, after birth and up to the survey year, only the last one open", () => {
    const countries = new Set(COUNTRIES.map((c) => c.code));
    for (const m of members) {
      let since = survey.year - m.age;
      m.episodes.forEach((e, i) => {
        expect(countries.has(e.destination) && e.destination !== "AM").toBe(true);
        expect(e.departureYear).toBeGreaterThanOrEqual(since);
        expect(e.departureYear).toBeLessThanOrEqual(survey.year);
        if (e.returnYear === null) expect(i).toBe(m.episodes.length - 1);
        else expect(e.returnYear >= e.departureYear && e.returnYear <= survey.year).toBe(true);
        since = e.returnYear ?? e.departureYear;
      });
      expect(m.intendsToReturn !== null).toBe(abroad(m));
    }
  });

  it("shows migration as the country knows it: mostly men, mostly to Russia, mostly for work", () => {
    const ever = members.filter((m) => m.episodes.length > 0);
    expect(ever.length / members.length).toBeGreaterThan(0.1);
    expect(ever.length / members.length).toBeLessThan(0.3);
    expect(members.filter(abroad).length / members.length).toBeGreaterThan(0.04);
    expect(ever.filter((m) => m.sex === "MALE").length / ever.length).toBeGreaterThan(0.6);
    const toRussia = ever.filter((m) => latest(m)?.destination === "RU").length;
    expect(toRussia / ever.length).toBeGreaterThan(0.5);
    expect(ever.filter((m) => latest(m)?.reason === "WORK").length / ever.length).toBeGreaterThan(0.5);
    for (const reason of ["STUDY", "FAMILY", "OTHER"])
      expect(ever.some((m) => latest(m)?.reason === reason)).toBe(true);
    expect(new Set(members.map((m) => m.intendsToReturn))).toEqual(new Set([null, "YES", "NO", "UNDECIDED"]));
  });

  it("records remittances with a band exactly when received, more often where someone works abroad", () => {
    for (const h of survey.households) expect(h.remittanceBand !== null).toBe(h.receivesRemittances);
    const share = (rows: typeof survey.households) => rows.filter((h) => h.receivesRemittances).length / rows.length;
    const withWorker = survey.households.filter((h) =>
      h.members.some((m) => abroad(m) && latest(m)?.reason === "WORK"),
    );
    const without = survey.households.filter((h) => !h.members.some((m) => m.episodes.length > 0));
    expect(share(withWorker)).toBeGreaterThan(0.7);
    expect(share(without)).toBeLessThan(0.15);
  });
});

describe("generateSurvey: pseudonymisation and determinism", () => {
  it("codes households and members at random, unrelated to any register id, and records no names", () => {
    const codes = [...survey.households.map((h) => h.householdId), ...members.map((m) => m.memberId)];
    expect(new Set(codes).size).toBe(codes.length);
    expect(survey.households.every((h) => /^HH[0-9A-HJKMNP-TV-Z]{9}$/.test(h.householdId))).toBe(true);
    expect(members.every((m) => /^HM[0-9A-HJKMNP-TV-Z]{9}$/.test(m.memberId))).toBe(true);
    const registerIds = new Set([
      ...world.persons.flatMap((p) => [p.personRef, p.nationalId, p.familyName, p.givenName]),
      ...world.travelDocuments.map((d) => d.documentNumber),
    ]);
    expect(codes.filter((c) => registerIds.has(c))).toEqual([]);
    const fields = new Set(members.flatMap((m) => Object.keys(m)));
    expect([...fields].sort()).toEqual(
      ["age", "episodes", "intendsToReturn", "lineNumber", "memberId", "relationship", "sex"].sort(),
    );
  });

  it("gives the same survey for the same seed and size, another for another seed", () => {
    const again = generateSurvey(new Rng(20261125, "survey"), 3000, world.asOf);
    expect(JSON.stringify(again)).toBe(JSON.stringify(survey));
    expect(JSON.stringify(generateWorld({ persons: 3000, seed: 7 }).survey)).not.toBe(JSON.stringify(survey));
  });
});
