/**
 * The auditor console in a real browser: an officer's allowed and denied requests appear in the
 * auditor's timeline with their outcomes and rules, the chain verifies, the export downloads, the
 * DPO's subject access report shows the disclosure, and other accounts are told who the console is for.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { as, gql, world } from "../harness/fixtures";
import { expectOnlySessionKept, launchBrowser, newHubPage, screenshot, signInAs } from "./browser";

const ALLOWED = `query BrowserAuditAllowed($ref: ID!) { person(personRef: $ref) { familyName crossings(first: 2) { direction } } }`;
const DENIED = `query BrowserAuditDenied($ref: ID!) { person(personRef: $ref) { asylumApplications { grounds } } }`;
const WITHHELD = `query BrowserAuditWithheld($ref: ID!) { crossings(personRef: $ref, first: 100) { id crossedAt } }`;

// A traveller some of whose crossings are past retention: the Border Police withholds those (R5-4).
const travellerWithLapsedCrossings = () => {
  const w = world();
  const today = new Date().toISOString().slice(0, 10);
  const ref = w.persons.find((p) => {
    const own = w.crossings.filter((c) => c.personRef === p.personRef);
    return p.retainUntil > today && own.some((c) => c.retainUntil >= today) && own.some((c) => c.retainUntil < today);
  })?.personRef;
  if (!ref) throw new Error("the seeded world has no traveller with crossings both past and within retention");
  return ref;
};

// An adult whose records are retained and who crossed the border, so the border officer's query
// discloses identity and travel data (R5-4, R6-1-minors; the audit lists what came back).
const person = () => {
  const w = world();
  const crossed = new Set(w.crossings.filter((c) => c.retainUntil > "2027-01-01").map((c) => c.personRef));
  return (
    w.persons.filter(
      (p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01" && crossed.has(p.personRef),
    )[23]?.personRef ?? ""
  );
};

let browser: Browser;
let ref: string;

beforeAll(async () => {
  ref = person();
  const officer = await as("border-officer");
  // More than a page of the officer's events, so that the timeline pages.
  await Promise.all(
    Array.from({ length: 55 }, () => gql(`query BrowserAuditFiller { crossingPoints { code } }`, officer)),
  );
  // A time filter (to the second) then tells the two requests under test from the filler.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const allowed = await gql(ALLOWED, { ...officer, variables: { ref } });
  expect(allowed.status).toBe(200);
  expect(allowed.body.errors).toBeUndefined();
  const denied = await gql(DENIED, { ...officer, variables: { ref } });
  expect(denied.status).toBe(403);
  expect(denied.body.errors?.map((e) => e.extensions?.rule)).toContain("R6-3");
  const withheld = await gql(WITHHELD, { ...officer, variables: { ref: travellerWithLapsedCrossings() } });
  expect(withheld.status).toBe(200);
  expect(withheld.body.errors?.map((e) => e.extensions?.rule)).toEqual(["R5-4"]);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Fills the filters given (by test id suffix) and applies them; resolves once the timeline has reloaded. */
async function applyFilters(page: Page, values: Record<string, string>): Promise<void> {
  await page.getByTestId("filter-clear").click();
  for (const [name, value] of Object.entries(values)) {
    const input = page.getByTestId(`filter-${name}`);
    if (name === "outcome") await input.selectOption(value);
    else await input.fill(value);
  }
  await page.getByTestId("filter-apply").click();
  await page.locator('[data-testid="audit-timeline"][aria-busy="false"]').waitFor();
}

/** `datetime-local` text for an instant in the browser's own time zone (which may differ from Node's). */
async function localInputValue(page: Page, time: number): Promise<string> {
  return page.evaluate<string>(
    `(() => { const d = new Date(${time}); const p = (n) => String(n).padStart(2, "0");
      return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + "T" + p(d.getHours()) + ":" + p(d.getMinutes()) + ":" + p(d.getSeconds()); })()`,
  );
}

/** No horizontal scrolling of the page itself (wide tables scroll inside their panel). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>("document.documentElement.scrollWidth <= window.innerWidth");
}

describe("auditor console", () => {
  it("shows the officer's allowed and denied requests with outcome and rule, a valid chain, charts and a CSV export", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "auditor", "/audit/");
      await expect(page.getByTestId("purpose").inputValue()).resolves.toBe("AUDIT");
      await applyFilters(page, { agency: "BORDER_POLICE", purpose: "BORDER_CHECK" });

      const rows = page.getByTestId("audit-event");
      expect(await rows.count()).toBe(50);
      await page.getByTestId("load-more").click();
      await rows.nth(50).waitFor();
      await expect(page.getByTestId("timeline-status").textContent()).resolves.toMatch(
        /Showing (5[1-9]|[6-9]\d|\d{3,}) of/,
      );
      await rows.filter({ hasText: "BrowserAuditAllowed" }).first().waitFor();

      // From the second of the officer's allowed request: just the two events (the auditor's are HUB_OPERATOR's).
      const allowedAt = await rows
        .filter({ hasText: "BrowserAuditAllowed" })
        .first()
        .locator("time")
        .getAttribute("datetime");
      await applyFilters(page, {
        from: await localInputValue(page, Date.parse(allowedAt ?? "")),
        agency: "BORDER_POLICE",
      });
      const allowedRow = rows.filter({ hasText: "BrowserAuditAllowed" }).first();
      const deniedRow = rows.filter({ hasText: "BrowserAuditDenied" }).first();
      await allowedRow.waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      await expect(allowedRow.getAttribute("data-outcome")).resolves.toBe("ALLOWED");
      await expect(allowedRow.textContent()).resolves.toMatch(/officer-0147.*BORDER_POLICE.*border-officer/);
      await expect(allowedRow.textContent()).resolves.toContain("AGR-MS-BP-BORDER");
      await expect(deniedRow.getAttribute("data-outcome")).resolves.toBe("DENIED");
      await expect(deniedRow.getByTestId("outcome").textContent()).resolves.toContain("DENIED");
      await expect(deniedRow.getByTestId("denied-fields").textContent()).resolves.toMatch(
        /Person\.asylumApplications.*R6-3/,
      );

      const chain = page.getByTestId("chain-status");
      await page.locator('[data-testid="chain-status"]:not([data-state="loading"])').waitFor();
      await expect(chain.getAttribute("data-state")).resolves.toBe("valid");
      await expect(chain.textContent()).resolves.toMatch(/Chain valid/);

      const charts = page.getByTestId("audit-charts");
      await charts.locator("svg[role=img]").first().waitFor();
      expect(await charts.locator("figure").count()).toBe(4);
      await expect(charts.locator("table").first().textContent()).resolves.toContain("BORDER_POLICE");

      // Keyboard: the row's time is a button; Enter opens the whole record.
      await deniedRow.getByRole("button").focus();
      await page.keyboard.press("Enter");
      const detail = page.getByTestId("audit-event-detail");
      await detail.waitFor();
      await expect(detail.getByTestId("operation-text").textContent()).resolves.toContain("asylumApplications");
      await expect(detail.textContent()).resolves.toMatch(/Fields denied.*R6-3/s);
      await expect(detail.textContent()).resolves.toMatch(/Previous hash[0-9a-f]{64}/);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, "audit-timeline");

      // The rule filter finds the denial; the person filter finds the disclosure.
      await applyFilters(page, { rule: "R6-3", agency: "BORDER_POLICE" });
      await rows.filter({ hasText: "BrowserAuditDenied" }).first().waitFor();
      for (const row of await rows.all())
        expect(["DENIED", "PARTIAL"]).toContain(await row.getAttribute("data-outcome"));
      await applyFilters(page, { person: ref });
      await rows.filter({ hasText: "BrowserAuditAllowed" }).first().waitFor();
      expect(await rows.filter({ hasText: "BrowserAuditDenied" }).count()).toBe(0);

      // The export is the current filter, as a CSV file.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
      expect(download.suggestedFilename()).toMatch(/^audit-events-.*\.csv$/);
      const csv = readFileSync((await download.path()) ?? "", "utf8");
      expect(csv.split("\r\n")[0]).toMatch(/^seq,id,occurredAt,/);
      expect(csv).toContain("BrowserAuditAllowed");
      expect(csv).not.toContain("BrowserAuditDenied");

      await page.setViewportSize({ width: 1366, height: 768 });
      expect(await fitsWidth(page)).toBe(true);

      await expectOnlySessionKept(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("shows a request whose records a subgraph withheld as partial, with the rule, the count and the article", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "auditor", "/audit/");
      await applyFilters(page, { agency: "BORDER_POLICE", rule: "R5-4" });
      const row = page.getByTestId("audit-event").filter({ hasText: "BrowserAuditWithheld" }).first();
      await row.waitFor();
      await expect(row.getAttribute("data-outcome")).resolves.toBe("PARTIAL");
      await expect(row.getByTestId("audit-refusal").textContent()).resolves.toMatch(
        /^\d+ records? \(border-police\) R5-4$/,
      );
      await row.getByRole("button").click();
      const refusals = page.getByTestId("audit-event-detail").getByTestId("refusals");
      await refusals.waitFor();
      await expect(refusals.textContent()).resolves.toMatch(
        /border-policeR5-4108\+ Art\. 5\(4\)\(e\)TRAVEL of BORDER_POLICE/,
      );
      await expect(refusals.textContent()).resolves.toContain("crossings");
      await screenshot(page, "audit-record-withheld");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("gives the DPO a printable subject access report naming the Border Police disclosure", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "dpo", "/audit/");
      await expect(page.getByTestId("purpose").inputValue()).resolves.toBe("SUBJECT_ACCESS");
      await page.getByTestId("sar-person").fill(ref);
      await page.getByTestId("sar-submit").click();
      const report = page.getByTestId("sar-report");
      await report.waitFor();
      await expect(report.getByTestId("sar-person-ref").textContent()).resolves.toBe(ref);
      // The officer's query: identity and crossings to the Border Police for a border check.
      const border = report
        .getByTestId("sar-disclosure")
        .filter({ hasText: "BORDER_POLICE" })
        .filter({ hasText: "BORDER_CHECK" })
        .filter({ hasText: "IDENTITY" })
        .first();
      await expect(border.textContent()).resolves.toMatch(/TRAVEL/);
      await expect(border.textContent()).resolves.toMatch(/border checks/i);
      await expect(report.textContent()).resolves.toContain("Migration Data Exchange Hub");
      await expect(report.textContent()).resolves.not.toContain("officer-0147");
      await screenshot(page, "sar-report-screen");

      // Printed, the report is a document: no header, navigation or controls.
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".app-header").isVisible()).toBe(false);
      expect(await page.getByTestId("sar-submit").isVisible()).toBe(false);
      expect(await report.isVisible()).toBe(true);
      await screenshot(page, "sar-report");
      await page.emulateMedia({ media: "screen" });

      await expectOnlySessionKept(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("tells an officer that the console is for auditors and DPOs", async () => {
    const { context, page } = await newHubPage(browser);
    try {
      await signInAs(page, "border-officer", "/audit/");
      const refusal = page.getByTestId("console-forbidden");
      await refusal.waitFor();
      await expect(refusal.getByTestId("console-problem").getAttribute("data-code")).resolves.toBe("FORBIDDEN");
      await expect(refusal.textContent()).resolves.toMatch(/for the hub operator.s auditors.*data-protection officer/);
      await expect(refusal.textContent()).resolves.toContain("RA-1-audit-log");
      expect(await page.getByTestId("audit-timeline").count()).toBe(0);
      await screenshot(page, "audit-forbidden");
    } finally {
      await context.close();
    }
  }, 120_000);
});
