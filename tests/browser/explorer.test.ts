/** The analysts' explorer in a real browser: sign-in, a federated query, a refusal explained, the filtered docs. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { personaToken, world } from "../harness/fixtures";
import { browserStorage, launchBrowser, newHubPage, screenshot, SESSION_KEYS, signInAs, type HubPage } from "./browser";

/** An adult traveller with a citizenship and crossings, whose record is still within retention. */
function sampleTraveller() {
  const w = world();
  const travellers = new Set(w.crossings.map((c) => c.personRef));
  const person = w.persons.find(
    (p) =>
      travellers.has(p.personRef) &&
      p.citizenships.length > 0 &&
      p.guardianPersonRef === null &&
      p.dateOfBirth < "2000-01-01" &&
      p.retainUntil > w.asOf,
  );
  if (!person) throw new Error("the seeded world has no adult traveller");
  return person;
}

/** A traveller like the sample one, with at least one crossing past its retention date. */
function travellerWithLapsedCrossing() {
  const w = world();
  const today = new Date().toISOString().slice(0, 10);
  const lapsed = new Set(w.crossings.filter((c) => c.retainUntil < today).map((c) => c.personRef));
  const person = w.persons.find(
    (p) =>
      lapsed.has(p.personRef) && p.citizenships.length > 0 && p.dateOfBirth < "2000-01-01" && p.retainUntil > today,
  );
  if (!person) throw new Error("the seeded world has no retained adult with a crossing past retention");
  return person;
}

/** Runs what the editor holds and waits for the decision panel to show the new answer. */
async function run(page: Page): Promise<void> {
  const panel = page.getByTestId("denials");
  const before = Number((await panel.getAttribute("data-run")) ?? 0);
  await page.getByRole("button", { name: /^Execute query/ }).click();
  await panel.locator(`xpath=self::*[@data-run="${before + 1}"]`).waitFor();
}

async function runExample(page: Page, example: string): Promise<void> {
  await page.getByTestId(`example-${example}`).click();
  await run(page);
}

async function personTypeDocs(page: Page): Promise<string> {
  const docs = page.locator(".graphiql-doc-explorer");
  if (!(await docs.isVisible())) await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
  await docs.getByRole("link", { name: "Person", exact: true }).first().click();
  await docs.getByText("isProtectionHolder").or(docs.getByText("asylumApplications")).first().waitFor();
  return (await docs.innerText()).replace(/\s+/g, " ");
}

describe("explorer", () => {
  let browser: Browser;
  let hub: HubPage;
  const traveller = sampleTraveller();

  beforeAll(async () => {
    browser = await launchBrowser();
    hub = await newHubPage(browser);
    await signInAs(hub.page, "border-officer");
    // GraphiQL creates its Monaco editors after it mounts.
    await hub.page.locator(".graphiql-query-editor .monaco-editor").waitFor();
  });
  afterAll(async () => {
    await hub?.context.close();
    await browser?.close();
  });

  it("signs the border officer in with the persona picker and offers only the persona's purposes", async () => {
    const { page } = hub;
    await expect(page.getByTestId("signed-in-as").innerText()).resolves.toMatch(/officer-0147.*BORDER_POLICE/);
    const purposes = await page.getByTestId("purpose").locator("option").allInnerTexts();
    expect(purposes).toEqual(["BORDER_CHECK", "RETURN_ENFORCEMENT"]);
    await expect(page.getByLabel("Purpose").count()).resolves.toBe(1);
    await expect(page.getByTestId("partial-mode").isChecked()).resolves.toBe(false);
    await screenshot(page, "explorer-signed-in");
  });

  it("runs a federated query across the three agencies and shows the data", async () => {
    const { page } = hub;
    await page.getByTestId("example-person-ref").fill(traveller.personRef);
    await runExample(page, "person-across-agencies");
    await expect(page.getByTestId("denials-summary").innerText()).resolves.toMatch(/^Allowed \(HTTP 200\)/);
    const response = page.locator(".graphiql-response");
    await response.getByText(traveller.familyName).first().waitFor();
    const text = await response.innerText();
    expect(text).toContain(traveller.personRef);
    expect(text).toContain('"citizenships"');
    expect(text).toContain('"crossings"');
    await screenshot(page, "explorer-federated-query");
  });

  it("shows a record a subgraph withheld in the denials panel, with its rule, beside the data", async () => {
    const { page } = hub;
    const person = travellerWithLapsedCrossing();
    await page.getByTestId("example-person-ref").fill(person.personRef);
    await runExample(page, "person-across-agencies");
    await expect(page.getByTestId("denials-summary").innerText()).resolves.toMatch(/^Partly answered \(HTTP 200\)/);
    const denial = page.getByTestId("denial").filter({ hasText: "person.crossings" });
    await expect(denial.getByTestId("denial-rule").innerText()).resolves.toBe("R5-4");
    await expect(denial.innerText()).resolves.toContain("108+ Art. 5(4)(e)");
    await expect(denial.getByTestId("denial-withheld").innerText()).resolves.toMatch(/^\d+ records?$/);
    // "Partly answered" means the data came back; the response pane lists the errors above it.
    await screenshot(page, "explorer-record-withheld");
  });

  it("explains a refused special-category field: rule R6-3, its article and what to ask instead", async () => {
    const { page } = hub;
    await runExample(page, "asylum-grounds");
    const panel = page.getByTestId("denials");
    await expect(panel.getByTestId("denials-summary").innerText()).resolves.toMatch(/^Refused \(HTTP 403\)/);
    const first = panel.getByTestId("denial").first();
    await expect(first.innerText()).resolves.toContain("person.asylumApplications");
    await expect(first.getByTestId("denial-rule").innerText()).resolves.toBe("R6-3");
    await expect(first.innerText()).resolves.toContain("108+ Art. 6");
    await expect(first.getByTestId("denial-hint").innerText()).resolves.toContain("isProtectionHolder");
    await screenshot(page, "explorer-denied-r6-3");
  });

  it("answers the allowed part in partial mode and lists what was withheld", async () => {
    const { page } = hub;
    await page.getByTestId("partial-mode").check();
    await run(page);
    await expect(page.getByTestId("denials-summary").innerText()).resolves.toMatch(/^Partly answered/);
    // "Partly answered" means data came back; the withheld fields are listed beside it.
    await expect(page.getByTestId("denial-rule").first().innerText()).resolves.toBe("R6-3");
    await screenshot(page, "explorer-partial-mode");
    await page.getByTestId("partial-mode").uncheck();
  });

  it("documents the caller's own schema: isProtectionHolder, not asylumApplications", async () => {
    const { page } = hub;
    const docs = await personTypeDocs(page);
    expect(docs).toContain("isProtectionHolder");
    expect(docs).toContain("hasValidPermit");
    expect(docs).not.toContain("asylumApplications");
    await screenshot(page, "explorer-docs-border-officer");
  });

  it("keeps nothing about persons in browser storage, only the session token and purpose", async () => {
    const { page } = hub;
    await page.getByTestId("purpose").selectOption("RETURN_ENFORCEMENT");
    const storage = await browserStorage(page);
    expect(storage.localLength).toBe(0);
    expect(storage.sessionKeys).toContain("hub.session.token");
    for (const key of storage.sessionKeys) expect(SESSION_KEYS).toContain(key);
  });

  it("reloads the schema for another persona after signing out and in", async () => {
    const { page } = hub;
    await page.getByTestId("signout").click();
    await page.getByTestId("signin-persona").selectOption("asylum-officer");
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("signed-in-as").waitFor();
    const purposes = await page.getByTestId("purpose").locator("option").allInnerTexts();
    expect(purposes).toEqual(["ASYLUM_PROCEDURE"]);
    const docs = await personTypeDocs(page);
    expect(docs).toContain("asylumApplications");
  });

  it("raised no script error and no Content-Security-Policy violation", () => {
    // Chromium logs every 4xx answer as a failed resource; refusals (403) are expected here.
    const problems = hub.problems.filter((p) => !/Failed to load resource: .*status of 40[13]/.test(p));
    expect(problems).toEqual([]);
  });
});

describe("explorer signed out", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("asks for a token or a persona and shows no editor", async () => {
    const hub = await newHubPage(browser);
    await hub.page.goto("/explorer/");
    await hub.page.getByTestId("signin-persona").waitFor();
    await expect(hub.page.getByLabel("Identity token (JWT)").isVisible()).resolves.toBe(true);
    await expect(hub.page.locator(".graphiql-container").count()).resolves.toBe(0);
    await screenshot(hub.page, "explorer-signed-out");
    await hub.context.close();
  });

  it("takes a pasted token, and says so when the hub does not accept it", async () => {
    const hub = await newHubPage(browser);
    const token = await personaToken("statistician");
    // Same claims, broken signature: the page shows who it claims to be, the gateway refuses it.
    const forged = `${token.slice(0, -6)}${token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"}`;
    await hub.page.goto("/explorer/");
    await hub.page.getByTestId("signin-token").fill(forged);
    await hub.page.getByRole("button", { name: "Use token" }).click();
    await expect(hub.page.getByTestId("signed-in-as").innerText()).resolves.toContain("statistician-0005");
    const alert = hub.page.getByTestId("schema-problem");
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain("did not accept your token");
    await hub.context.close();
  });
});
