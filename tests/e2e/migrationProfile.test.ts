/**
 * The migration profile built through the hub: the real `npm run profile` command pulls the
 * source agencies' protected tables through the real gateway into the Statistics Office, the
 * profile and its SDMX export serve them as received, and each table asked for is in the audit log.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { pullSeededProfiles } from "@hub/local/dist/pullSeededProfiles";
import { seededYears } from "@hub/local/dist/seededYears";
import { withDatabase } from "@hub/local/dist/serverDatabases";
import { runHubCommand } from "../harness/auditDb";
import { as, gql, hub, personaToken, repoRoot, world } from "../harness/fixtures";
import { freePort } from "../harness/processes";
import { readStructureCodes } from "../../subgraphs/statistics-office/src/testing/sdmxStructureCodes";

const YEAR = Number(world().asOf.slice(0, 4)) - 1;
const PROFILE = "infra/local/dist/profile.js";
const STATISTICS_DB = () => hub.databaseUrls["statistics-office"] ?? "";
const STRUCTURE = path.join(repoRoot, "contracts/profiles/sdmx/DSD_MIGRATION_PROFILE-1.0.xml");

/** The command as the Statistics Office runs it on the local hub: token minted with the hub's key. */
const profile = (args: string[], env: Record<string, string> = {}) =>
  runHubCommand(PROFILE, args, {
    HUB_GATEWAY_URL: hub.gatewayUrl,
    STATISTICS_OFFICE_DATABASE_URL: STATISTICS_DB(),
    ...env,
  });

interface Cell {
  sex: string;
  age: string;
  citizenship: string;
  region: string;
  month: string;
  breakdown: string;
  value: number | null;
  flag: string;
}
interface ProfileIndicator {
  indicator: { code: string; sourceAgency: string; sourceIndicator: string; regime: string; disaggregations: string[] };
  total: Cell | null;
  female: Cell | null;
  male: Cell | null;
  cells: Cell[];
}

const CELL = "sex age citizenship region month breakdown value flag";
const PROFILE_QUERY = `query ($year: Int!, $template: ID) {
  migrationProfile(year: $year, template: $template) {
    year
    pulledAt
    template { id }
    indicators {
      indicator { code sourceAgency sourceIndicator regime disaggregations }
      total { ${CELL} } female { ${CELL} } male { ${CELL} }
      cells { ${CELL} }
    }
  }
}`;

async function profileOf(template: string, year = YEAR) {
  const res = await gql(PROFILE_QUERY, { ...(await as("statistician")), variables: { year, template } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.migrationProfile as { pulledAt: string; indicators: ProfileIndicator[] } | null;
}

/** The source table as the gateway serves it to the statistician (what the profile must equal). */
async function sourceTable(definition: ProfileIndicator["indicator"]) {
  const field = definition.sourceAgency === "BORDER_POLICE" ? "borderPoliceStatistics" : "migrationServiceStatistics";
  const res = await gql(
    `query ($indicator: String!, $year: Int!) { t: ${field}(indicator: $indicator, year: $year) { regime cells { ${CELL} } } }`,
    { ...(await as("statistician")), variables: { indicator: definition.sourceIndicator, year: YEAR } },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.t as { regime: string; cells: Cell[] };
}

const DIMENSIONS = ["SEX", "AGE", "CITIZENSHIP", "REGION", "MONTH", "BREAKDOWN"] as const;
const codeOf = (c: Cell, d: (typeof DIMENSIONS)[number]) => c[d.toLowerCase() as keyof Cell];
const published = (c: Cell, dims: string[]) => DIMENSIONS.every((d) => dims.includes(d) || codeOf(c, d) === "_T");

let pulled: { national: string; regional: string };
beforeAll(async () => {
  const [national, regional] = [
    await profile(["--year", String(YEAR)]),
    await profile(["--year", String(YEAR), "--template", "REGIONAL_HARMONISED"]),
  ];
  expect([national.code, regional.code]).toEqual([0, 0]);
  pulled = { national: national.output, regional: regional.output };
}, 120_000);

describe("npm run profile", () => {
  it("reports one line per pull: the template, the year, what was stored", () => {
    expect(pulled.national).toMatch(
      new RegExp(
        `^profile NATIONAL_EXTENDED ${YEAR}: \\d+ indicators?, \\d+ cells pulled through the gateway \\(\\d+ audited requests?`,
      ),
    );
    expect(pulled.regional).toMatch(new RegExp(`^profile REGIONAL_HARMONISED ${YEAR}: `));
  });

  it("fills the template's indicators with the source tables as served, cell for cell", async () => {
    const national = await profileOf("NATIONAL_EXTENDED");
    expect(national?.indicators.map((i) => i.indicator.code)).toHaveLength(11);
    const filled = national?.indicators.filter((i) => i.total !== null) ?? [];
    expect(filled.length).toBeGreaterThanOrEqual(9);
    for (const entry of filled) {
      const source = await sourceTable(entry.indicator);
      expect(source.regime).toBe(entry.indicator.regime);
      expect(entry.cells).toEqual(source.cells.filter((c) => published(c, entry.indicator.disaggregations)));
      for (const cell of entry.cells) expect(cell.value === null).toBe(cell.flag === "SUPPRESSED");
    }
    const crossings = filled.find((i) => i.indicator.code === "CROSSINGS");
    expect(crossings?.total?.flag).toBe("NONE");
    expect(crossings?.total?.value).toBeGreaterThan(100);
    expect((crossings?.female?.value ?? 0) + (crossings?.male?.value ?? 0)).toBeLessThanOrEqual(
      crossings?.total?.value ?? 0,
    );
  });

  it("publishes a template's breakdowns only: the regional profile has no region or month", async () => {
    const regional = await profileOf("REGIONAL_HARMONISED");
    const cells = regional?.indicators.flatMap((i) => i.cells) ?? [];
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((c) => c.region !== "_T" || c.month !== "_T")).toEqual([]);
    const national = await profileOf("NATIONAL_EXTENDED");
    const permits = national?.indicators.find((i) => i.indicator.code === "FIRST_PERMITS");
    expect(permits?.cells.some((c) => c.region.startsWith("AM-ER-"))).toBe(true);
    expect(await profileOf("REGIONAL_HARMONISED", YEAR - 3)).toBeNull();
  });

  it("is in the audit log: every table it asked for, as the profile service, for official statistics", async () => {
    const requestIds = await withDatabase(STATISTICS_DB(), async (db) =>
      (
        await db.query<{ request_ids: string[] }>("SELECT request_ids FROM profile_pull WHERE year = $1", [YEAR])
      ).rows.flatMap((r) => r.request_ids),
    );
    expect(requestIds.length).toBeGreaterThanOrEqual(18);
    const res = await gql(
      `{ auditEvents(filter: { subject: "svc-statistics-profile", purpose: "OFFICIAL_STATISTICS" }, first: 500) {
          edges { node { requestId agency role outcome operationName categories agreements } } } }`,
      await as("auditor"),
    );
    expect(res.body.errors).toBeUndefined();
    const events = new Map(
      (res.body.data?.auditEvents as { edges: { node: Record<string, unknown> }[] }).edges.map((e) => [
        e.node.requestId,
        e.node,
      ]),
    );
    for (const id of requestIds) {
      expect(events.get(id)).toEqual({
        requestId: id,
        agency: "STATISTICS_OFFICE",
        role: "statistics-service",
        outcome: "ALLOWED",
        operationName: "StatisticsOfficeProfilePull",
        categories: ["AGGREGATE"],
        agreements: [expect.stringMatching(/^AGR-(BP|MS)-SO-STATISTICS$/)],
      });
    }
  });

  it("fails with a clear message and its own exit code", async () => {
    const unknown = await profile(["--year", String(YEAR), "--template", "NOPE"]);
    expect(unknown).toEqual({
      code: 2,
      output: expect.stringContaining("no template NOPE; the templates are NATIONAL_EXTENDED, REGIONAL_HARMONISED"),
    });
    const down = await profile(["--year", String(YEAR)], {
      HUB_GATEWAY_URL: `http://127.0.0.1:${await freePort()}/graphql`,
    });
    expect(down).toEqual({ code: 3, output: expect.stringContaining("did not answer (ECONNREFUSED)") });
    const tokenFile = path.join(hub.stateDir, "border-officer.token");
    writeFileSync(tokenFile, await personaToken("border-officer"));
    const refused = await profile(["--year", String(YEAR), "--token-file", tokenFile]);
    expect(refused).toEqual({
      code: 4,
      output: expect.stringMatching(/the hub refused \w+ \d{4}: PURPOSE_NOT_ALLOWED/),
    });
    const before = await profile(["--year", "1990"]);
    expect(before).toEqual({ code: 5, output: expect.stringContaining("could be pulled for 1990") });
  });
});

describe("the SDMX export", () => {
  const structure = readStructureCodes(readFileSync(STRUCTURE, "utf8"));

  it("parses as SDMX-CSV 2.0 whose codes are the structure's and whose suppressed cells have no value", async () => {
    const res = await gql(`query ($year: Int!) { migrationProfileSdmx(year: $year) }`, {
      ...(await as("statistician")),
      variables: { year: YEAR },
    });
    expect(res.body.errors).toBeUndefined();
    const csv = res.body.data?.migrationProfileSdmx as string;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      ...["STRUCTURE", "STRUCTURE_ID", "ACTION", ...structure.dimensions, "TIME_PERIOD"],
      ...["OBS_VALUE", ...structure.attributes],
    ]);
    const national = await profileOf("NATIONAL_EXTENDED");
    expect(rows).toHaveLength(national?.indicators.reduce((n, i) => n + i.cells.length, 0) ?? -1);
    const unknown = rows.flatMap((row) =>
      [...structure.codes].flatMap(([component, codes]) =>
        codes.has(row[component] ?? "") ? [] : [`${component}=${row[component]}`],
      ),
    );
    expect(unknown).toEqual([]);
    const suppressed = rows.filter((r) => r.CONF_STATUS === "C");
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.filter((r) => r.OBS_VALUE !== "" || r.OBS_STATUS !== "Q")).toEqual([]);
    expect(rows.filter((r) => r.CONF_STATUS === "F" && !/^\d+$/.test(r.OBS_VALUE ?? ""))).toEqual([]);
  });

  it("exports one indicator, and refuses one the template does not have", async () => {
    const statistician = await as("statistician");
    const one = await gql(
      `{ migrationProfileSdmx(year: ${YEAR}, template: "REGIONAL_HARMONISED", indicator: "FIRST_PERMITS") }`,
      statistician,
    );
    const rows = parse(one.body.data?.migrationProfileSdmx as string, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.INDICATOR))).toEqual(new Set(["FIRST_PERMITS"]));
    const missing = await gql(
      `{ migrationProfileSdmx(year: ${YEAR}, template: "REGIONAL_HARMONISED", indicator: "CROSSINGS") }`,
      statistician,
    );
    expect(missing.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("the first start's pulls", () => {
  it("pull both templates for each seeded year, one line each, and carry on past a failure", async () => {
    const lines: string[] = [];
    // From the year before the first record, which no source has: that year's pulls fail.
    const first = seededYears(world()).first - 1;
    const failed = await pullSeededProfiles({
      gatewayUrl: hub.gatewayUrl,
      token: await personaToken("statistics-service"),
      databaseUrl: STATISTICS_DB(),
      years: { first, last: YEAR },
      report: (line) => lines.push(line),
      stopping: () => false,
    });
    const seeded = YEAR - first + 1;
    expect(lines).toHaveLength(2 * seeded);
    expect(lines[0]).toMatch(
      new RegExp(
        `^profile NATIONAL_EXTENDED ${first} failed: no indicator of NATIONAL_EXTENDED could be pulled for ${first}`,
      ),
    );
    expect(lines.at(-1)).toMatch(new RegExp(`^profile REGIONAL_HARMONISED ${YEAR}: \\d+ indicators`));
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(2 * seeded);
  });
});
