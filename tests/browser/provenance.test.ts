/**
 * The explorer checks each answer's provenance in the browser: a federated answer shows
 * "Provenance verified" with the data each agency signed; an answer changed on its way (here by
 * the test, between the gateway and the page) shows what failed, naming the agency and the datum.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { world } from "../harness/fixtures";
import { launchBrowser, newHubPage, screenshot, signInAs, type HubPage } from "./browser";

function traveller() {
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

async function runAcrossAgencies(page: Page, personRef: string): Promise<void> {
  const panel = page.getByTestId("denials");
  const before = Number((await panel.getAttribute("data-run")) ?? 0);
  await page.getByTestId("example-person-ref").fill(personRef);
  await page.getByTestId("example-person-across-agencies").click();
  await page.getByRole("button", { name: /^Execute query/ }).click();
  await panel.locator(`xpath=self::*[@data-run="${before + 1}"]`).waitFor();
}

describe("explorer provenance", () => {
  let browser: Browser;
  let hub: HubPage;
  const person = traveller();

  beforeAll(async () => {
    browser = await launchBrowser();
    hub = await newHubPage(browser);
    await signInAs(hub.page, "border-officer");
    await hub.page.locator(".graphiql-query-editor .monaco-editor").waitFor();
  });
  afterAll(async () => {
    await hub?.context.close();
    await browser?.close();
  });

  it("shows a federated answer's provenance verified, the signatures kept out of the response pane", async () => {
    const { page } = hub;
    await runAcrossAgencies(page, person.personRef);
    const status = page.getByTestId("provenance-status");
    await status.waitFor();
    await expect(status.getAttribute("data-status")).resolves.toBe("verified");
    const text = await status.innerText();
    expect(text).toMatch(/^Provenance verified \d+ datum\(s\), each signed by the agency that holds it/);
    for (const agency of ["State Migration Service", "Border Police", "National Statistics Office"])
      expect(text).toContain(agency);
    const response = await page.locator(".graphiql-response").innerText();
    expect(response).toContain(person.familyName);
    expect(response).not.toContain("payloadHash");
    await screenshot(page, "explorer-provenance-verified");
  });

  it("names the agency and the datum when the answer was changed on its way", async () => {
    const { page } = hub;
    await page.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      const original = await route.fetch();
      if (!body.includes("PersonAcrossAgencies")) return route.fulfill({ response: original });
      const answer = (await original.json()) as { data: { person: { familyName: string } } };
      answer.data.person.familyName = "Tampered";
      return route.fulfill({ response: original, json: answer });
    });
    await runAcrossAgencies(page, person.personRef);
    const status = page.getByTestId("provenance-status");
    await status.locator('xpath=self::*[@data-status="failed"]').waitFor();
    await expect(status.innerText()).resolves.toMatch(/^Provenance not verified/);
    const failures = await page.getByTestId("provenance-failure").allInnerTexts();
    expect(failures).toContainEqual(expect.stringMatching(/^MIGRATION_SERVICE .*person\.familyName differs/));
    await screenshot(page, "explorer-provenance-failed");
    await page.unroute("**/graphql");
  });

  it("raised no script error and no Content-Security-Policy violation", () => {
    expect(hub.problems).toEqual([]);
  });
});
