/**
 * The Statistics Office's household survey through the real gateway: weighted estimates with the
 * respondents behind them, nothing shown for a cell with too few, no record reachable by any
 * field, arguments that cannot narrow a table, and only statistics purposes served.
 */
import { describe, expect, it } from "@jest/globals";
import { auditEventOf } from "../harness/auditDb";
import { as, gql, personaToken, world, type Answer } from "../harness/fixtures";

const MINIMUM_RESPONDENTS = 30;

interface Cell {
  sex: string;
  region: string;
  destination: string;
  estimate: number | null;
  respondents: number | null;
  flag: string;
}
interface Table {
  measure: string;
  unit: string;
  year: number;
  minimumRespondents: number;
  roundingBase: number;
  cells: Cell[];
}

const ESTIMATES = `query ($measure: SurveyMeasure!, $by: [SurveyDimension!]) {
  surveyEstimates(measure: $measure, by: $by) {
    measure unit year minimumRespondents roundingBase
    cells { sex region destination estimate respondents flag }
  }
}`;

/** The statistician, declaring research as the purpose. */
async function researcher() {
  return { token: await personaToken("statistician"), purpose: "RESEARCH" };
}

async function estimates(measure: string, by: string[]): Promise<{ res: Answer; table: Table }> {
  const res = await gql(ESTIMATES, { ...(await researcher()), variables: { measure, by } });
  return { res, table: res.body.data?.surveyEstimates as Table };
}

describe("household survey estimates", () => {
  it("serves the statistician, for research, weighted estimates with their respondent counts", async () => {
    const { res, table } = await estimates("MEMBERS_EVER_ABROAD", ["SEX", "REGION"]);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const survey = world().survey;
    expect(table).toMatchObject({ measure: "MEMBERS_EVER_ABROAD", unit: "PERSONS", year: survey.year });
    expect(table.minimumRespondents).toBe(MINIMUM_RESPONDENTS);
    // Sex (3 codes) by region (the 11 strata and the total).
    expect(table.cells).toHaveLength(3 * 12);
    const migrants = survey.households.flatMap((h) => h.members).filter((m) => m.episodes.length > 0);
    const total = table.cells.find((c) => c.sex === "_T" && c.region === "_T");
    expect(total?.respondents).toBe(migrants.length);
    expect(total?.estimate).toBeGreaterThan(migrants.length);
    expect((total?.estimate ?? 0) % table.roundingBase).toBe(0);
    const served = table.cells.filter((c) => c.estimate !== null);
    expect(served.length).toBeGreaterThan(3);
    for (const c of served) expect(c.respondents).toBeGreaterThanOrEqual(MINIMUM_RESPONDENTS);
    // Regions are where the sample is thin: some cells are withheld.
    expect(table.cells.some((c) => c.flag === "SUPPRESSED")).toBe(true);

    const event = await auditEventOf(res.headers.get("x-request-id"));
    expect(event).toMatchObject({ outcome: "ALLOWED", purpose: "RESEARCH", categories: ["AGGREGATE"] });
    expect(event?.disclosedPersonRefs).toEqual([]);
  });

  it("shows no number in a cell with fewer respondents than the threshold, in any table", async () => {
    let suppressed = 0;
    for (const [measure, by] of [
      ["MEMBERS_EVER_ABROAD", ["REGION", "DESTINATION"]],
      ["INTENDING_TO_RETURN", ["SEX", "AGE"]],
      ["HOUSEHOLDS_RECEIVING_REMITTANCES", ["REGION", "REMITTANCE_AMOUNT"]],
      ["RETURNED_MIGRANTS", ["REASON"]],
    ] as const) {
      const { res, table } = await estimates(measure, [...by]);
      expect(res.body.errors).toBeUndefined();
      for (const c of table.cells) {
        if (c.respondents === null) {
          expect({ measure, estimate: c.estimate, flag: c.flag }).toEqual({
            measure,
            estimate: null,
            flag: "SUPPRESSED",
          });
          suppressed++;
        } else {
          expect(c.respondents).toBeGreaterThanOrEqual(MINIMUM_RESPONDENTS);
          expect(c.estimate).toEqual(expect.any(Number));
        }
      }
    }
    expect(suppressed).toBeGreaterThan(0);
  });

  it("lets no field of any survey record be selected: the statistician's schema has no household or member", async () => {
    const res = await gql(
      `{ __schema { queryType { fields { name } } types { name fields { name } } } }`,
      await researcher(),
    );
    expect(res.status).toBe(200);
    const schema = res.body.data?.__schema as {
      queryType: { fields: { name: string }[] };
      types: { name: string; fields: { name: string }[] | null }[];
    };
    expect(schema.queryType.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["surveyEstimates", "surveyMeasures", "surveyDimensions"]),
    );
    const names = schema.types.map((t) => t.name);
    expect(names).toContain("SurveyEstimate");
    expect(names.filter((n) => /household|member|episode|stratum|respondent/i.test(n))).toEqual([]);
    const fields = schema.types.flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    const recordFields =
      /\.(householdId|memberId|lineNumber|relationship|weight|interviewedOn|departureYear|returnYear)$/;
    expect(fields.filter((f) => recordFields.test(f))).toEqual([]);
    const asked = await gql(`{ surveyEstimates(measure: HOUSEHOLDS) { cells { householdId } } }`, await researcher());
    expect(asked.status).toBe(400);
    expect(asked.body.data ?? null).toBeNull();
  });

  it("refuses a table by more than two dimensions, by one twice, or by one the measure lacks", async () => {
    for (const [measure, by] of [
      ["MEMBERS_EVER_ABROAD", ["SEX", "AGE", "REGION"]],
      ["MEMBERS_EVER_ABROAD", ["REGION", "REGION"]],
      ["HOUSEHOLDS", ["DESTINATION"]],
    ] as const) {
      const { res, table } = await estimates(measure, [...by]);
      expect({ by, table: table ?? null }).toEqual({ by, table: null });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    }
    const unknown = await gql(`{ surveyEstimates(measure: HOUSEHOLDS, by: [HOUSEHOLD]) { year } }`, await researcher());
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("serves official statistics too, and no other purpose or agency", async () => {
    const official = await gql(
      `{ surveyEstimates(measure: HOUSEHOLDS) { cells { estimate respondents } } }`,
      await as("statistician"),
    );
    expect(official.status).toBe(200);
    const [all] = (official.body.data?.surveyEstimates as { cells: Cell[] }).cells;
    expect(all?.respondents).toBe(world().survey.households.length);
    expect(all?.estimate).toBeGreaterThan(800_000);

    const officer = await gql(
      `{ surveyEstimates(measure: HOUSEHOLDS) { cells { estimate } } }`,
      await as("border-officer"),
    );
    expect(officer.status).toBe(403);
    expect(officer.body.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
  });
});
