/**
 * The auditor console in a real browser: an officer's allowed and denied requests appear in the
 * auditor's timeline with their outcomes and rules, the chain verifies, the export downloads, the
 * DPO's subject access report shows the disclosure, and other accounts are told who the console is for.
 * On an audit log of its own: the caller behind a request, refused logins by reason, and an
 * operator's distrust of an identity provider key.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import {
  AUDIT_CHAIN_LOCK_SQL,
  AUDIT_HEAD_UPDATE_SQL,
  AUDIT_INSERT_SQL,
  auditInsertParameters,
  auditRowOf,
  canonicalJson,
  chainHashOfText,
  CHECKPOINT_INTERVAL,
  signChainHead,
  type AuditEventContent,
} from "@hub/contracts";
import { keyFiles, loadAuditKeys } from "@hub/gateway";
import { withAuditDb } from "../harness/auditDb";
import { as, gql, hub, world } from "../harness/fixtures";
import { createOwnAuditDatabase, syntheticAuditEvent, type OwnAuditDatabase } from "../harness/ownAuditDb";
import { startOwnGateway, startOwnSubgraph, type OwnedProcess } from "../harness/processes";
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
      // The officer's query: identity and crossings to the Border Police for a border check. Other
      // tests of the shared hub may have asked for the same person's identity alone, so the row
      // is the one naming both categories, not the first of the officer's.
      const border = report
        .getByTestId("sar-disclosure")
        .filter({ hasText: "BORDER_POLICE" })
        .filter({ hasText: "BORDER_CHECK" })
        .filter({ hasText: "IDENTITY" })
        .filter({ hasText: "TRAVEL" })
        .first();
      await border.waitFor();
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

const ISSUER = "https://idp.interior.example/realms/hub";
const OTHER_ISSUER = "https://login.example.net/tenant/v2.0";
const KIOSK_KEY = "rsa-2026-11";

/** A request the authenticate stage refused, as the gateway records it. */
const refusedLogin = (i: number, reason: string, issuer: string | null, keyId: string | null) =>
  syntheticAuditEvent(i, {
    subject: null,
    agency: null,
    role: null,
    country: null,
    agreements: [],
    operationHash: null,
    operationText: null,
    operationName: null,
    fieldsAllowed: [],
    outcome: "REJECTED",
    errorCodes: [reason === "keys-unavailable" ? "AUTHENTICATION_UNAVAILABLE" : "UNAUTHENTICATED"],
    disclosedPersonRefs: [],
    categories: [],
    authentication: { reason, issuer, keyId },
  });

/** What a gateway of this version records once it fills the caller, refused logins and key administration. */
const identityEvents = (): AuditEventContent[] => [
  syntheticAuditEvent(1, {
    operationName: "KioskCrossingCheck",
    caller: {
      issuer: ISSUER,
      clientId: "border-kiosk-07",
      tokenId: "jti-5f1d2c",
      keyId: KIOSK_KEY,
      onBehalfOf: "officer-0147",
      delegation: "act",
      binding: "dpop",
    },
  }),
  refusedLogin(2, "expired", ISSUER, KIOSK_KEY),
  refusedLogin(3, "unknown-key", ISSUER, "rsa-2027-01"),
  refusedLogin(4, "keys-unavailable", OTHER_ISSUER, "kid-9"),
  syntheticAuditEvent(5, {
    subject: "operator-ana",
    agency: null,
    role: null,
    country: null,
    purpose: null,
    agreements: [],
    operationHash: null,
    operationText: null,
    operationName: null,
    fieldsAllowed: [],
    outcome: "ADMINISTERED",
    disclosedPersonRefs: [],
    categories: [],
    administration: {
      action: "distrust-key",
      issuer: ISSUER,
      keyId: KIOSK_KEY,
      reason: "private key reported leaked",
      operator: "operator-ana",
      result: "distrusted",
    },
  }),
  refusedLogin(6, "distrusted-key", ISSUER, KIOSK_KEY),
];

/**
 * Appends as a gateway does, with the hub's audit key (so that the chain verifies and the test's
 * own gateway extends it): under the chain lock, from the head, rows built by `auditRowOf`.
 */
async function appendAsGateway(url: string, contents: AuditEventContent[]): Promise<void> {
  const files = keyFiles(hub.keysDir, "audit");
  const keys = loadAuditKeys(files.privateJwk, files.publicJwks);
  await withAuditDb(async (db) => {
    await db.query("BEGIN");
    try {
      const head = await db.query<{ seq: string; hash: string }>(AUDIT_CHAIN_LOCK_SQL);
      let seq = Number(head.rows[0]?.seq ?? 0);
      let prevHash = head.rows[0]?.hash ?? "0".repeat(64);
      // From an empty log, too few to reach a checkpoint: the gateway signs those.
      expect(seq + contents.length).toBeLessThan(CHECKPOINT_INTERVAL);
      const rows: unknown[][] = [];
      for (const content of contents) {
        seq += 1;
        const text = canonicalJson(content);
        const hash = chainHashOfText(prevHash, seq, text);
        rows.push(auditRowOf({ seq, content, text, prevHash, hash }));
        prevHash = hash;
      }
      await db.query(AUDIT_INSERT_SQL, auditInsertParameters(rows));
      const signed = signChainHead(keys.signing, seq, prevHash);
      await db.query(AUDIT_HEAD_UPDATE_SQL, [seq, prevHash, signed.keyId, signed.signature]);
      await db.query("COMMIT");
    } catch (error) {
      await db.query("ROLLBACK");
      throw error;
    }
  }, url);
}

describe("auditor console: who called, and why a login failed", () => {
  let own: OwnAuditDatabase;
  let audit: OwnedProcess;
  let gateway: OwnedProcess;

  beforeAll(async () => {
    own = await createOwnAuditDatabase();
    await appendAsGateway(own.url, identityEvents());
    audit = await startOwnSubgraph("audit", { AUDIT_DATABASE_URL: own.url });
    // The auditor's own reads are appended to the same log, after the events under test.
    gateway = await startOwnGateway({ AUDIT_URL: `${audit.origin}/graphql`, AUDIT_DATABASE_URL: own.url });
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await audit?.stop();
    await own?.drop();
  });

  it("shows the caller behind a request, refused logins with their reason, and an operator's distrust of a key", async () => {
    const { context, page, problems } = await newHubPage(browser, gateway.origin);
    try {
      await signInAs(page, "auditor", "/audit/");
      const rows = page.getByTestId("audit-event");
      const detail = page.getByTestId("audit-event-detail");
      await page.locator('[data-testid="chain-status"]:not([data-state="loading"])').waitFor();
      await expect(page.getByTestId("chain-status").getAttribute("data-state")).resolves.toBe("valid");

      // The kiosk's call on behalf of an officer, with a DPoP-bound token.
      await applyFilters(page, { client: "border-kiosk-07" });
      expect(await rows.count()).toBe(1);
      await rows.first().getByRole("button").click();
      const caller = detail.getByTestId("event-caller");
      await caller.waitFor();
      await expect(caller.textContent()).resolves.toMatch(
        new RegExp(`Issuer${ISSUER}Client idborder-kiosk-07Token idjti-5f1d2cKey id${KIOSK_KEY}`),
      );
      await expect(caller.getByTestId("caller-on-behalf-of").textContent()).resolves.toBe("officer-0147");
      await expect(caller.textContent()).resolves.toContain("token exchange (act claim, RFC 8693)");
      await expect(caller.getByTestId("caller-binding").textContent()).resolves.toMatch(/^yes/);
      expect(await detail.getByTestId("login-refused").count()).toBe(0);
      await screenshot(page, "audit-caller");

      // A refused login, found by its reason and explained.
      await applyFilters(page, { "auth-reason": "expired" });
      expect(await rows.count()).toBe(1);
      await expect(rows.first().getAttribute("data-outcome")).resolves.toBe("REJECTED");
      await expect(rows.first().getByTestId("audit-login-refused").textContent()).resolves.toBe("login expired");
      await rows.first().getByRole("button").click();
      const refused = detail.getByTestId("login-refused");
      await refused.waitFor();
      await expect(refused.textContent()).resolves.toMatch(
        new RegExp(
          `^Authentication refused: expired \\(a token past its expiry.*\\)Issuer ${ISSUER} · key id ${KIOSK_KEY}$`,
        ),
      );
      await expect(detail.getByTestId("event-caller").textContent()).resolves.toMatch(/no identity token verified/);
      await screenshot(page, "audit-login-refused");

      // Every refusal of one issuer's tokens, and none of the other's.
      await applyFilters(page, { issuer: ISSUER, outcome: "REJECTED" });
      const reasons = await rows.getByTestId("audit-login-refused").allTextContents();
      expect(reasons.sort()).toEqual(["login distrusted-key", "login expired", "login unknown-key"]);
      await applyFilters(page, { issuer: OTHER_ISSUER });
      expect(await rows.getByTestId("audit-login-refused").allTextContents()).toEqual(["login keys-unavailable"]);

      // The operator's action: what was done to which key, by whom, and why.
      await applyFilters(page, { outcome: "ADMINISTERED" });
      expect(await rows.count()).toBe(1);
      const administered = rows.first();
      await expect(administered.getByTestId("outcome").textContent()).resolves.toContain("ADMINISTERED");
      await expect(administered.textContent()).resolves.toContain("operator-ana");
      await expect(administered.getByTestId("audit-administration").textContent()).resolves.toBe(
        `distrusted the key ${KIOSK_KEY}`,
      );
      await administered.getByRole("button").click();
      const action = detail.getByTestId("event-administration");
      await action.waitFor();
      await expect(action.textContent()).resolves.toBe(
        `Administrationoperator-ana distrusted the key ${KIOSK_KEY} of ${ISSUER}: distrusted.Reason given: private key reported leaked`,
      );
      // Not a request: no operation, no field decisions.
      expect(await detail.getByTestId("operation-text").count()).toBe(0);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, "audit-administered");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
