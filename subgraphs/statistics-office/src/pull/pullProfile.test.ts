/**
 * The profile pull against the contract: tables in the shape the gateway serves them, stored in a
 * real PostgreSQL; every way a pull fails stores nothing and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SOURCE_STATISTICS_FIELDS, TOTAL } from "@hub/contracts";
import { IndicatorDefinition } from "../IndicatorDefinition.entity";
import { contractTable } from "../testing/contractTable";
import {
  startContractGateway,
  type Answer,
  type ContractGateway,
  type ReceivedRequest,
} from "../testing/contractGateway";
import { createTestStore, type TestStore } from "../testing/testStore";
import { checkSourceTable } from "./checkSourceTable";
import { ProfilePullError, type ProfilePullFailure } from "./ProfilePullError";
import { pullProfile } from "./pullProfile";
import type { SourceTable } from "./sourceTable";

let store: TestStore;
let definitions: Map<string, IndicatorDefinition>;
beforeAll(async () => {
  store = await createTestStore();
  definitions = new Map((await store.db.getRepository(IndicatorDefinition).find()).map((d) => [d.sourceIndicator, d]));
});
afterAll(() => store?.drop());

const definitionOf = (sourceIndicator: string) => {
  const d = definitions.get(sourceIndicator);
  if (!d) throw new Error(`no definition of ${sourceIndicator}`);
  return d;
};

/** The table the contract gives for the request, passed through `change` when it names that indicator. */
const serving =
  (change?: { indicator: string; answer: (table: SourceTable) => Answer }) =>
  (request: ReceivedRequest): Answer => {
    const table = contractTable(definitionOf(request.variables.indicator), request.variables.year);
    return change?.indicator === request.variables.indicator ? change.answer(table) : { table };
  };

const cellsStored = async () =>
  ((await store.db.query("SELECT count(*)::int AS n FROM observation")) as { n: number }[])[0]?.n;

async function withGateway<T>(answer: (r: ReceivedRequest) => Answer, work: (g: ContractGateway) => Promise<T>) {
  const gateway = await startContractGateway(answer);
  try {
    return await work(gateway);
  } finally {
    await gateway.close();
  }
}

async function failure(promise: Promise<unknown>): Promise<{ failure: ProfilePullFailure; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProfilePullError) return { failure: error.failure, message: error.message };
    throw error;
  }
  throw new Error("the pull succeeded");
}

describe("pullProfile", () => {
  it("asks for each indicator's source table as the service client and stores every cell", async () => {
    await withGateway(serving(), async (gateway) => {
      const summary = await pullProfile({
        gatewayUrl: gateway.url,
        token: "token-of-the-service",
        year: 2024,
        template: "REGIONAL_HARMONISED",
        db: store.db,
      });
      expect(summary.indicators).toBe(8);
      expect(summary.requestIds).toHaveLength(8);
      expect(new Set(summary.requestIds).size).toBe(8);
      for (const request of gateway.received) {
        expect(request.headers.authorization).toBe("Bearer token-of-the-service");
        expect(request.headers["x-purpose"]).toBe("OFFICIAL_STATISTICS");
        const agency = definitionOf(request.variables.indicator).sourceAgency as keyof typeof SOURCE_STATISTICS_FIELDS;
        expect(request.query).toContain(`${SOURCE_STATISTICS_FIELDS[agency]}(indicator: $indicator, year: $year)`);
        expect(request.variables.year).toBe(2024);
      }
      expect(gateway.received.map((r) => r.variables.indicator)).toContain("TRAFFICKING_VICTIMS");
      const expected = gateway.received.reduce(
        (n, r) => n + contractTable(definitionOf(r.variables.indicator), 2024).cells.length,
        0,
      );
      expect(summary.cells).toBe(expected);
      expect(await cellsStored()).toBe(expected);
      const [pull] = (await store.db.query("SELECT request_ids FROM profile_pull WHERE id = $1", [summary.pullId])) as {
        request_ids: string[];
      }[];
      expect(pull?.request_ids).toEqual(summary.requestIds);
    });
  });

  it("refuses to store a table protected under another regime than its definition's", async () => {
    const before = await cellsStored();
    const answer = serving({
      indicator: "TRAFFICKING_VICTIMS",
      answer: (t) => ({ table: { ...t, regime: "STANDARD" } }),
    });
    await withGateway(answer, async (gateway) => {
      const pulled = pullProfile({
        gatewayUrl: gateway.url,
        token: "t",
        year: 2023,
        template: "REGIONAL_HARMONISED",
        db: store.db,
      });
      expect(await failure(pulled)).toEqual({
        failure: "REGIME_MISMATCH",
        message:
          "the table TRAFFICKING_VICTIMS 2023 was protected under the STANDARD regime; TRAFFICKING_VICTIMS is defined as STRICT, so it is not stored",
      });
    });
    expect(await cellsStored()).toBe(before);
  });

  it("names the refusal, the rule and the request when the hub refuses the caller", async () => {
    const forbidden = serving({
      indicator: "FIRST_PERMITS",
      answer: () => ({
        status: 403,
        errors: [
          { message: "Not disclosed", extensions: { code: "FORBIDDEN", rule: "R5-1", article: "108+ Art. 5(2)" } },
        ],
      }),
    });
    await withGateway(forbidden, async (gateway) => {
      const { failure: kind, message } = await failure(
        pullProfile({ gatewayUrl: gateway.url, token: "t", year: 2023, template: "REGIONAL_HARMONISED", db: store.db }),
      );
      expect(kind).toBe("REFUSED");
      expect(message).toMatch(
        /^the hub refused FIRST_PERMITS 2023: FORBIDDEN: Not disclosed \(R5-1, 108\+ Art\. 5\(2\)\); request [0-9a-f-]{36}$/,
      );
    });
  });

  it("leaves out an indicator whose source has no records of the year, and fails when none has", async () => {
    const noRecords = (request: ReceivedRequest): Answer => ({
      status: 400,
      errors: [
        {
          message: `year ${request.variables.year} is outside the years of ${request.variables.indicator}: 2020 to 2026`,
          extensions: { code: "BAD_USER_INPUT" },
        },
      ],
    });
    const answer = serving({
      indicator: "TRAFFICKING_VICTIMS",
      answer: () => noRecords({ variables: { indicator: "TRAFFICKING_VICTIMS", year: 2019 } } as ReceivedRequest),
    });
    await withGateway(answer, async (gateway) => {
      const summary = await pullProfile({
        gatewayUrl: gateway.url,
        token: "t",
        year: 2019,
        template: "REGIONAL_HARMONISED",
        db: store.db,
      });
      expect(summary.indicators).toBe(7);
      expect(summary.requestIds).toHaveLength(7);
      expect(summary.skipped).toEqual([
        {
          indicator: "TRAFFICKING_VICTIMS",
          reason: expect.stringMatching(
            /^the source refused TRAFFICKING_VICTIMS 2019: year 2019 is outside the years of TRAFFICKING_VICTIMS: 2020 to 2026; request /,
          ),
        },
      ]);
    });
    await withGateway(noRecords, async (gateway) => {
      const result = await failure(
        pullProfile({ gatewayUrl: gateway.url, token: "t", year: 1999, template: "REGIONAL_HARMONISED", db: store.db }),
      );
      expect(result.failure).toBe("SOURCE_REFUSED_INPUT");
      expect(result.message).toMatch(
        /^no indicator of REGIONAL_HARMONISED could be pulled for 1999: the source refused FIRST_PERMITS 1999: .*; refused as well: ASYLUM_FIRST_TIME_APPLICANTS, /,
      );
      // Said once, not once per indicator.
      expect(result.message.match(/the source refused/g)).toHaveLength(1);
    });
  });

  it("says so when the gateway does not answer", async () => {
    const closed = await startContractGateway(serving());
    await closed.close();
    const down = await failure(
      pullProfile({ gatewayUrl: closed.url, token: "t", year: 2023, template: "REGIONAL_HARMONISED", db: store.db }),
    );
    expect(down).toEqual({
      failure: "GATEWAY_UNREACHABLE",
      message: `the gateway at ${closed.url} did not answer (ECONNREFUSED)`,
    });
  });

  it("refuses an unknown template before asking anything, naming the known ones", async () => {
    await withGateway(serving(), async (gateway) => {
      expect(
        await failure(pullProfile({ gatewayUrl: gateway.url, token: "t", year: 2024, template: "X", db: store.db })),
      ).toEqual({
        failure: "UNKNOWN_TEMPLATE",
        message: "no template X; the templates are NATIONAL_EXTENDED, REGIONAL_HARMONISED",
      });
      expect(gateway.received).toEqual([]);
    });
  });

  it("refuses an answer that is not a table of the contract", async () => {
    const bad = serving({
      indicator: "RETURNS",
      answer: (t) => ({ table: { ...t, cells: t.cells.map((c) => ({ ...c, count: 3 })) } as SourceTable }),
    });
    await withGateway(bad, async (gateway) => {
      const result = await failure(
        pullProfile({ gatewayUrl: gateway.url, token: "t", year: 2023, template: "REGIONAL_HARMONISED", db: store.db }),
      );
      expect(result.failure).toBe("INVALID_TABLE");
      expect(result.message).toMatch(/^the table RETURNS 2023 is not a statistical table of the contract \(cells\.0/);
    });
  });
});

describe("checkSourceTable", () => {
  const known = { countries: new Set(["RU", "SY", "IN"]), regions: new Set(["AM-ER", "AM-ER-KE", "AM-SH", "AM-VD"]) };
  const check = (sourceIndicator: string, change: (t: SourceTable) => SourceTable) => {
    const definition = definitionOf(sourceIndicator);
    try {
      checkSourceTable(change(contractTable(definition, 2024)), definition, 2024, known);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const changeCell = (i: number, change: object) => (t: SourceTable) => ({
    ...t,
    cells: t.cells.map((c, j) => (j === i ? { ...c, ...change } : c)),
  });

  it("accepts the contract's table, unknown (_U) codes included", () => {
    expect(check("FIRST_PERMITS", (t) => t)).toBeNull();
    expect(check("TRAFFICKING_VICTIMS", (t) => t)).toBeNull();
    // A table whose records lack sex, age or citizenship carries _U in those dimensions, within their totals.
    const withUnknowns = contractTable(definitionOf("FIRST_PERMITS"), 2024, { unknown: true });
    expect(withUnknowns.cells.some((c) => c.sex === "_U" && c.age === "_T")).toBe(true);
    expect(check("FIRST_PERMITS", () => withUnknowns)).toBeNull();
    expect(check("FIRST_PERMITS", changeCell(5, { month: "_U" }))).toMatch(/MONTH _U, which is not in its code list/);
  });

  it("refuses a code outside the code lists", () => {
    expect(check("FIRST_PERMITS", changeCell(5, { breakdown: "TOURISM" }))).toMatch(
      /BREAKDOWN TOURISM, which is not in its code list/,
    );
    expect(check("FIRST_PERMITS", changeCell(5, { region: "AM-XX" }))).toMatch(/REGION AM-XX/);
    expect(check("FIRST_PERMITS", changeCell(5, { age: "Y0_17" }))).toMatch(/AGE Y0_17/);
  });

  it("refuses cells that break the disclosure rules they were published under", () => {
    expect(check("FIRST_PERMITS", changeCell(1, { value: 3, flag: "NONE" }))).toMatch(
      /with the value 3, below the STANDARD threshold/,
    );
    expect(check("FIRST_PERMITS", changeCell(1, { value: 7, flag: "SUPPRESSED" }))).toMatch(
      /flagged SUPPRESSED with a value/,
    );
    expect(check("TRAFFICKING_VICTIMS", changeCell(1, { value: 12, flag: "ROUNDED" }))).toMatch(/should have rounded/);
    expect(check("TRAFFICKING_VICTIMS", changeCell(1, { value: 8, flag: "ROUNDED" }))).toMatch(
      /below the STRICT threshold/,
    );
  });

  it("refuses a table with a suppressed cell that follows from the others, or without all its cells", () => {
    const hidden = (t: SourceTable) => t.cells.filter((c) => c.flag === "SUPPRESSED");
    expect(hidden(contractTable(definitionOf("FIRST_PERMITS"), 2024)).length).toBeGreaterThan(1);
    // Every suppressed cell but the first published: that one is its line's total less the rest.
    const oneHidden = (t: SourceTable) => {
      const [kept] = hidden(t);
      return {
        ...t,
        cells: t.cells.map((c) =>
          c.flag !== "SUPPRESSED" || c === kept ? c : { ...c, value: 50, flag: "NONE" as const },
        ),
      };
    };
    expect(check("FIRST_PERMITS", oneHidden)).toMatch(
      /leaves 1 suppressed cell\(s\) computable from the published cells/,
    );
    const lastDropped = (t: SourceTable) => ({ ...t, cells: t.cells.slice(0, -1) });
    expect(check("FIRST_PERMITS", lastDropped)).toMatch(/lacks 1 of the \d+ cells of its cubes/);
  });

  it("accepts Yerevan's unknown district as a part of Yerevan", () => {
    const districtless = (t: SourceTable) => ({
      ...t,
      cells: t.cells.map((c) => (c.region === "AM-ER-KE" ? { ...c, region: "AM-ER-_U" } : c)),
    });
    expect(check("FIRST_PERMITS", districtless)).toBeNull();
    expect(check("FIRST_PERMITS", changeCell(5, { region: "AM-XX-_U" }))).toMatch(/REGION AM-XX-_U/);
  });

  it("refuses a table without a cube the definition offers, or without its total", () => {
    expect(check("FIRST_PERMITS", (t) => ({ ...t, cubes: t.cubes.filter((c) => !c.includes("REGION")) }))).toMatch(
      /has no \[SEX, REGION\] cube/,
    );
    const noTotal = (t: SourceTable) => ({
      ...t,
      cells: t.cells.filter(
        (c) =>
          !(
            c.sex === TOTAL &&
            c.age === TOTAL &&
            c.region === TOTAL &&
            c.month === TOTAL &&
            c.breakdown === TOTAL &&
            c.citizenship === TOTAL
          ),
      ),
    });
    expect(check("FIRST_PERMITS", noTotal)).toMatch(/has no total cell/);
    expect(check("FIRST_PERMITS", (t) => ({ ...t, unit: "PERSONS" }))).toMatch(
      /counts PERSONS; FIRST_PERMITS counts PERMITS/,
    );
  });
});
