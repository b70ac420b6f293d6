/**
 * Probes of the migration-profile fields through the real gateway, as an attacker would try
 * them: who can read the source tables, the profile store and the survey (every persona, each of
 * its purposes, the foreign authorities from abroad); what each persona's introspection shows;
 * arguments that might narrow or vary a table; and suppressed cells anywhere in the export.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { PERSONAS, type PersonaName } from "@hub/gateway";
import { runHubCommand } from "../harness/auditDb";
import { as, asRecipient, gql, hub, personaToken, world, type RequestOptions } from "../harness/fixtures";

const YEAR = new Date().getUTCFullYear() - 1;
const PROBES: Record<string, string> = {
  borderPoliceStatistics: `{ borderPoliceStatistics(indicator: "CROSSINGS", year: ${YEAR}) { cells { value } } }`,
  migrationServiceStatistics: `{ migrationServiceStatistics(indicator: "ASYLUM_FIRST_TIME_APPLICANTS", year: ${YEAR}) { cells { citizenship value } } }`,
  migrationProfile: `{ migrationProfile(year: ${YEAR}) { year } }`,
  migrationProfileSdmx: `{ migrationProfileSdmx(year: ${YEAR}) }`,
  observations: `{ observations(indicator: "ASYLUM_FIRST_TIME_APPLICANTS", first: 5) { citizenship value } }`,
  surveyEstimates: `{ surveyEstimates(measure: HOUSEHOLDS) { cells { respondents } } }`,
  regions: "{ regions { code } }",
  profileTemplates: "{ profileTemplates { id } }",
};
/** Code lists and templates are REFERENCE: public, served to every caller. */
const REFERENCE = new Set(["regions", "profileTemplates"]);
const FOREIGN = new Set<PersonaName>(["tr-readmission-officer", "ge-police-investigator"]);

async function outcome(query: string, options: RequestOptions): Promise<string> {
  const res = await gql(query, options);
  const code = res.body.errors?.[0]?.extensions?.code;
  if (code !== undefined) return String(code);
  const data = Object.values(res.body.data ?? {})[0];
  return data === null || data === undefined ? "null" : "DATA";
}

beforeAll(async () => {
  const pull = await runHubCommand("infra/local/dist/profile.js", ["--year", String(YEAR)], {
    HUB_GATEWAY_URL: hub.gatewayUrl,
    STATISTICS_OFFICE_DATABASE_URL: hub.databaseUrls["statistics-office"] ?? "",
  });
  expect(pull.code).toBe(0);
}, 120_000);

describe("who reads the profile's fields", () => {
  it("only the Statistics Office, for statistics purposes; the service client only the source tables", async () => {
    const rows: string[] = [];
    const granted: string[] = [];
    for (const persona of Object.keys(PERSONAS) as PersonaName[]) {
      for (const purpose of [...PERSONAS[persona].purposes, "OFFICIAL_STATISTICS", "RESEARCH"]) {
        const base = FOREIGN.has(persona) ? await asRecipient(persona) : await as(persona);
        const results: string[] = [];
        for (const [field, query] of Object.entries(PROBES)) {
          const result = await outcome(query, { ...base, purpose });
          results.push(`${field}=${result}`);
          if (result === "DATA" && !REFERENCE.has(field)) granted.push(`${persona}/${purpose}/${field}`);
        }
        rows.push(`${persona} ${purpose}: ${results.join(" ")}`);
      }
    }
    process.stdout.write(`${rows.join("\n")}\n`);
    const allowed = new Set(
      ["OFFICIAL_STATISTICS", "RESEARCH"].flatMap((p) => Object.keys(PROBES).map((f) => `statistician/${p}/${f}`)),
    );
    for (const f of ["borderPoliceStatistics", "migrationServiceStatistics"])
      allowed.add(`statistics-service/OFFICIAL_STATISTICS/${f}`);
    expect(granted.filter((g) => !allowed.has(g))).toEqual([]);
  }, 300_000);

  it("shows each persona in introspection only the profile fields it may read", async () => {
    const shown: string[] = [];
    for (const persona of Object.keys(PERSONAS) as PersonaName[]) {
      const base = FOREIGN.has(persona) ? await asRecipient(persona) : await as(persona);
      const res = await gql("{ __schema { queryType { fields { name } } } }", base);
      const names = (
        (res.body.data?.__schema as { queryType: { fields: { name: string }[] } } | undefined)?.queryType.fields ?? []
      ).map((f) => f.name);
      const profileFields = names.filter((n) => n in PROBES && !REFERENCE.has(n));
      shown.push(`${persona}: ${profileFields.join(",") || "-"}`);
    }
    process.stdout.write(`${shown.join("\n")}\n`);
    expect(shown.filter((s) => !/^(statistician|statistics-service):/.test(s) && !s.endsWith(": -"))).toEqual([]);
  });
});

describe("arguments of the source tables", () => {
  it("refuse odd years and names, and give the same cells to every alias", async () => {
    const statistician = await as("statistician");
    const codes: string[] = [];
    for (const [year, indicator] of [
      [-1, "CROSSINGS"],
      [0, "CROSSINGS"],
      [2_147_483_647, "CROSSINGS"],
      [2 ** 40, "CROSSINGS"],
      [YEAR + 2, "CROSSINGS"],
      [YEAR, "crossings"],
      [YEAR, "CROSSINGS' OR 1=1 --"],
      [YEAR, "CROSSINGS\u0000"],
    ] as const) {
      const res = await gql(
        `query ($i: String!, $y: Int!) { borderPoliceStatistics(indicator: $i, year: $y) { cells { value } } }`,
        { ...statistician, variables: { i: indicator, y: year } },
      );
      codes.push(`${JSON.stringify(indicator)} ${year}: ${res.body.errors?.[0]?.extensions?.code ?? "DATA"}`);
    }
    process.stdout.write(`${codes.join("\n")}\n`);
    expect(codes.filter((c) => c.endsWith("DATA"))).toEqual([]);
    const twice = await gql(
      `{ a: borderPoliceStatistics(indicator: "CROSSINGS", year: ${YEAR}) { cells { sex age citizenship region month breakdown value flag } }
         b: borderPoliceStatistics(indicator: "CROSSINGS", year: ${YEAR}) { cells { sex age citizenship region month breakdown value flag } } }`,
      statistician,
    );
    expect(twice.body.errors).toBeUndefined();
    expect(twice.body.data?.a).toEqual(twice.body.data?.b);
  });
});

describe("the profile store's reads", () => {
  it("never serve a suppressed cell's value, in GraphQL or SDMX", async () => {
    const statistician = await as("statistician");
    const res = await gql(
      `{ observations(indicator: "FIRST_PERMITS", year: ${YEAR}, first: 1000) { value flag }
         sdmx: migrationProfileSdmx(year: ${YEAR}) }`,
      statistician,
    );
    expect(res.body.errors).toBeUndefined();
    const observations = res.body.data?.observations as { value: number | null; flag: string }[];
    expect(observations.filter((o) => o.flag === "SUPPRESSED" && o.value !== null)).toEqual([]);
    const rows = parse(res.body.data?.sdmx as string, { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.CONF_STATUS === "C" && r.OBS_VALUE !== "")).toEqual([]);
    // No field a spreadsheet would take for a formula.
    expect(rows.flatMap((r) => Object.values(r)).filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
  });
});

describe("household survey: measures that add up", () => {
  it("members ever abroad minus returned migrants gives the suppressed members abroad now", async () => {
    const statistician = await as("statistician");
    const byRegion = async (measure: string) => {
      const res = await gql(
        `query ($m: SurveyMeasure!) { surveyEstimates(measure: $m, by: [REGION]) { cells { region respondents flag } } }`,
        { ...statistician, variables: { m: measure } },
      );
      return new Map(
        (res.body.data?.surveyEstimates as { cells: { region: string; respondents: number | null }[] }).cells.map(
          (c) => [c.region, c.respondents],
        ),
      );
    };
    const [ever, returned, abroad] = await Promise.all(
      ["MEMBERS_EVER_ABROAD", "RETURNED_MIGRANTS", "MEMBERS_CURRENTLY_ABROAD"].map(byRegion),
    );
    const recovered: string[] = [];
    for (const [region, count] of abroad ?? []) {
      const e = ever?.get(region);
      const r = returned?.get(region);
      if (count === null && e != null && r != null) recovered.push(`${region}: ${e} - ${r} = ${e - r}`);
    }
    process.stdout.write(`suppressed MEMBERS_CURRENTLY_ABROAD by region, recovered: ${recovered.join("; ")}\n`);
    expect(recovered).toEqual([]);
  });

  it("serves the service client nothing personal", async () => {
    const token = await personaToken("statistics-service");
    const ref = world().persons[0]?.personRef ?? "";
    const queries = [
      `{ person(personRef: "${ref}") { personRef } }`,
      `{ crossings(personRef: "${ref}", first: 1) { crossedAt } }`,
      `{ residencePermits(first: 1) { permitNumber } }`,
      `{ traffickingCases(first: 1) { caseId } }`,
      `{ subjectAccessReport(personRef: "${ref}") { personRef } }`,
      `{ auditEvents(first: 1) { edges { node { requestId } } } }`,
    ];
    const served: string[] = [];
    for (const query of queries) {
      const res = await gql(query, { token, purpose: "OFFICIAL_STATISTICS" });
      const data = Object.values(res.body.data ?? {})[0];
      if (data !== null && data !== undefined) served.push(query);
    }
    expect(served).toEqual([]);
  });

  it("serves the service client no survey estimates and no profile", async () => {
    const token = await personaToken("statistics-service");
    const res = await gql(PROBES.surveyEstimates as string, { token, purpose: "OFFICIAL_STATISTICS" });
    expect(res.body.data?.surveyEstimates ?? null).toBeNull();
  });
});
