/**
 * The migration-profile report in a real browser: the statistician reads a seeded year's profile
 * built through the hub, by sex, with suppressed cells marked and no number behind them; the
 * SDMX-CSV export downloads; the auditor console shows the pulls; printed, the page keeps the
 * profile and drops its controls.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Locator, Page } from "playwright-core";
import { runHubCommand } from "../harness/auditDb";
import { as, gql, hub, world } from "../harness/fixtures";
import { expectOnlySessionKept, launchBrowser, newHubPage, SCREENSHOT_DIR, signInAs } from "./browser";

const TEMPLATE = "NATIONAL_EXTENDED";

interface Cell {
  sex: string;
  value: number | null;
  flag: string;
}
interface ProfileIndicator {
  indicator: { code: string; name: string; regime: string; sourceAgency: string };
  total: Cell | null;
  female: Cell | null;
  male: Cell | null;
  cells: Cell[];
}

const PROFILE = `query ReportTestProfile($year: Int!, $template: ID) {
  migrationProfile(year: $year, template: $template) {
    year
    indicators {
      indicator { code name regime sourceAgency }
      total { sex value flag } female { sex value flag } male { sex value flag }
      cells { sex value flag }
    }
  }
}`;

/**
 * Pulls the year's profile with `npm run profile`'s program, as the Statistics Office runs it on
 * the local hub: its service client asks each source table through the gateway, the office stores
 * the cells. Resolves with the pull's line (indicators, cells, audited requests).
 */
async function pullThroughTheHub(year: number): Promise<string> {
  const pulled = await runHubCommand("infra/local/dist/profile.js", ["--year", String(year), "--template", TEMPLATE], {
    HUB_GATEWAY_URL: hub.gatewayUrl,
    STATISTICS_OFFICE_DATABASE_URL: hub.databaseUrls["statistics-office"],
  });
  if (pulled.code !== 0) throw new Error(`npm run profile -- --year ${year} failed: ${pulled.output}`);
  return pulled.output.trim();
}

/** The profile the gateway serves the statistician for a year, or null when none was pulled. */
async function servedProfile(year: number): Promise<ProfileIndicator[] | null> {
  const answer = await gql(PROFILE, { ...(await as("statistician")), variables: { year, template: TEMPLATE } });
  expect(answer.body.errors).toBeUndefined();
  const profile = answer.body.data?.migrationProfile as { indicators: ProfileIndicator[] } | null;
  return profile?.indicators ?? null;
}

const format = (value: number) => new Intl.NumberFormat("en").format(value);

/** A figure's text as the page shows it: the count (with its rounded mark), or [c]. */
function shown(cell: Cell | null): string {
  if (!cell) return "–";
  if (cell.flag === "SUPPRESSED") return "[c]";
  return `${format(cell.value ?? Number.NaN)}${cell.flag === "ROUNDED" ? "r" : ""}`;
}

async function texts(cells: Locator): Promise<string[]> {
  return (await cells.allTextContents()).map((t) => t.trim());
}

/** The page's profile is long: a screenshot of what the window shows, or of one element. */
async function shot(target: Pick<Page, "screenshot"> | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

let browser: Browser;
let year: number;
let indicators: ProfileIndicator[];

beforeAll(async () => {
  // The seeded world's last complete year. The test hub does not pull profiles at start as
  // `npm start` does, so the test pulls the one it reads (again, if another test did already).
  year = Number(world().asOf.slice(0, 4)) - 1;
  expect(await pullThroughTheHub(year)).toMatch(new RegExp(`^profile ${TEMPLATE} ${year}: \\d+ indicators`));
  const served = await servedProfile(year);
  if (!served) throw new Error(`the ${TEMPLATE} profile for ${year} was pulled but is not served`);
  indicators = served;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("migration-profile report", () => {
  it("shows the seeded year's profile by sex, suppressed cells marked without a number, and exports SDMX-CSV", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "statistician", `/report/?template=${TEMPLATE}&year=${year}`);
      await expect(page.getByTestId("purpose").inputValue()).resolves.toBe("OFFICIAL_STATISTICS");
      const profile = page.getByTestId("profile");
      await profile.waitFor();
      await expect(profile.getAttribute("data-year")).resolves.toBe(String(year));
      await expect(page.getByTestId("profile-title").textContent()).resolves.toContain(String(year));

      // Every indicator the gateway serves, in its order, with its regime and source agency named.
      const sections = page.getByTestId("indicator");
      const codes = await Promise.all((await sections.all()).map((s) => s.getAttribute("data-indicator")));
      expect(codes).toEqual(indicators.map((i) => i.indicator.code));
      for (const { indicator, female, male, total } of indicators) {
        const section = page.locator(`[data-testid="indicator"][data-indicator="${indicator.code}"]`);
        await expect(section.getByTestId("indicator-regime").textContent()).resolves.toContain(indicator.regime);
        await expect(section.getByTestId("indicator-source").textContent()).resolves.toMatch(
          indicator.sourceAgency === "BORDER_POLICE" ? /Border Police/ : /Migration Service/,
        );
        // Female, male and total side by side, as served.
        expect(await texts(section.getByTestId("table-sex").locator("td"))).toEqual([female, male, total].map(shown));
        expect(await section.getByTestId("sex-chart").count()).toBe(1);
      }

      // A chart is drawn wherever a figure is published (a wholly suppressed one says so instead).
      expect(await page.locator('[data-testid="sex-chart"] svg[role=img]').count()).toBeGreaterThan(0);

      // The source suppressed cells, and the page marks them without a number.
      const suppressedServed = indicators.flatMap((i) => i.cells).filter((c) => c.flag === "SUPPRESSED").length;
      expect(suppressedServed).toBeGreaterThan(0);
      const suppressed = page.locator('td[data-flag="SUPPRESSED"]');
      expect(await suppressed.count()).toBeGreaterThan(0);
      for (const text of await texts(suppressed)) expect(text).toBe("[c]");
      await expect(suppressed.first().locator('[aria-label="suppressed"]').count()).resolves.toBe(1);
      await expect(page.getByTestId("flag-legend").textContent()).resolves.toMatch(/\[c\]\s*suppressed/);
      // A strict indicator's figures are rounded, and say so.
      if (indicators.some((i) => i.cells.some((c) => c.flag === "ROUNDED")))
        expect(await page.locator('td[data-flag="ROUNDED"] [aria-label="rounded"]').count()).toBeGreaterThan(0);

      await page.evaluate("window.scrollTo(0, 0)");
      await shot(page, "report-profile");
      await shot(sections.first(), "report-indicator");
      const strict = indicators.find((i) => i.indicator.regime === "STRICT");
      if (strict) await shot(page.locator(`[data-indicator="${strict.indicator.code}"]`), "report-indicator-strict");

      // The whole profile as SDMX-CSV, saved as a file.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("sdmx-profile").click()]);
      expect(download.suggestedFilename()).toBe(`migration-profile_${TEMPLATE}_${year}.csv`);
      const csv = readFileSync((await download.path()) ?? "", "utf8");
      expect(csv.split(/\r?\n/)[0]).toMatch(/^STRUCTURE,STRUCTURE_ID,ACTION,/);

      await expectOnlySessionKept(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it("takes another template and year from its form, and says how to pull a year nothing was pulled for", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "statistician", "/report/");
      await page.getByTestId("report-controls").waitFor();
      await page.getByTestId("report-template").selectOption("REGIONAL_HARMONISED");
      await page.getByTestId("report-year").fill("2010");
      await page.getByTestId("report-show").click();
      const none = page.getByTestId("no-profile");
      await none.waitFor();
      await expect(none.textContent()).resolves.toContain(
        "npm run profile -- --year 2010 --template REGIONAL_HARMONISED",
      );
      expect(new URL(page.url()).search).toBe("?template=REGIONAL_HARMONISED&year=2010");
      expect(await page.getByTestId("profile").count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("shows the auditor the profile service's pulls in the auditor console, linked from the report", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "statistician", `/report/?template=${TEMPLATE}&year=${year}`);
      const link = page.getByTestId("profile-provenance").getByRole("link", { name: "auditor console" });
      await expect(link.getAttribute("href")).resolves.toBe("/audit/");
      // The statistician may not read the log: sign out, go to the console, sign in as the auditor.
      await page.getByTestId("signout").click();
      await page.getByRole("navigation", { name: "Hub pages" }).getByRole("link", { name: "Auditor console" }).click();
      await page.waitForURL("**/audit/");
      await page.getByTestId("signin-persona").selectOption("auditor");
      await page.getByTestId("signin-submit").click();
      await page.getByTestId("filter-clear").click();
      await page.getByTestId("filter-agency").fill("STATISTICS_OFFICE");
      await page.getByTestId("filter-purpose").fill("OFFICIAL_STATISTICS");
      await page.getByTestId("filter-apply").click();
      await page.locator('[data-testid="audit-timeline"][aria-busy="false"]').waitFor();
      const pull = page.getByTestId("audit-event").filter({ hasText: "StatisticsOfficeProfilePull" }).first();
      await pull.waitFor();
      await expect(pull.getAttribute("data-outcome")).resolves.toBe("ALLOWED");
      await expect(pull.textContent()).resolves.toMatch(
        /svc-statistics-profile.*STATISTICS_OFFICE.*statistics-service/,
      );
      await expect(pull.textContent()).resolves.toMatch(/AGR-(BP|MS)-SO-STATISTICS/);
      await pull.scrollIntoViewIfNeeded();
      await shot(page, "report-pulls-audited");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("prints the profile with its tables and charts, without the page's controls", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "statistician", `/report/?template=${TEMPLATE}&year=${year}`);
      await page.getByTestId("profile").waitFor();
      await page.emulateMedia({ media: "print" });
      for (const control of ["report-controls", "signout", "purpose", "sdmx-profile"])
        expect(await page.getByTestId(control).isVisible()).toBe(false);
      expect(await page.locator(".app-header").isVisible()).toBe(false);
      for (const button of await page.getByRole("button").all()) expect(await button.isVisible()).toBe(false);
      expect(await page.getByTestId("profile").isVisible()).toBe(true);
      expect(await page.getByTestId("sex-chart").first().locator("svg").first().isVisible()).toBe(true);
      expect(await page.locator('td[data-flag="SUPPRESSED"]').first().isVisible()).toBe(true);
      await shot(page, "report-print");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
