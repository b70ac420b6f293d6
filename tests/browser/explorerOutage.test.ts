/** The explorer with one agency's service down: the other agencies' data, and which agency is unavailable. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { freePort, startOwnGateway, type OwnedProcess } from "../harness/processes";
import { traveller } from "../harness/travellerQuery";
import { launchBrowser, newHubPage, screenshot, signInAs, type HubPage } from "./browser";

describe("explorer with the Border Police down", () => {
  let browser: Browser;
  let gateway: OwnedProcess;
  let hub: HubPage;

  beforeAll(async () => {
    // Nothing listens at that port: every call to the Border Police is refused.
    gateway = await startOwnGateway({ BORDER_POLICE_URL: `http://127.0.0.1:${await freePort()}/graphql` });
    browser = await launchBrowser();
    hub = await newHubPage(browser, gateway.origin);
    await signInAs(hub.page, "border-officer");
    await hub.page.locator(".graphiql-query-editor .monaco-editor").waitFor();
  });
  afterAll(async () => {
    await hub?.context.close();
    await browser?.close();
    await gateway?.stop("SIGKILL");
  });

  it("shows the Migration Service's identity and says the Border Police is unavailable", async () => {
    const { page } = hub;
    const person = traveller();
    await page.getByTestId("example-person-ref").fill(person.personRef);
    await page.getByTestId("example-person-across-agencies").click();
    await page.getByRole("button", { name: /^Execute query/ }).click();
    const summary = page.getByTestId("denials-summary");
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toBe(
      "Partly answered (HTTP 200): the Border Police is unavailable, its data is missing; the other agencies' data is shown.",
    );
    const row = page.getByTestId("unavailable");
    await expect(row.getByTestId("unavailable-agency").innerText()).resolves.toBe("Border Police unavailable");
    await expect(row.locator("code").innerText()).resolves.toBe("person.crossings");
    const response = page.locator(".graphiql-response");
    await response.getByText(person.familyName).first().waitFor();
    const text = (await response.innerText()).replace(/\s+/g, " ");
    await screenshot(page, "explorer-border-police-unavailable");
    // The response pane shows the data the other agencies served, and the missing crossings.
    expect(text).toContain('"citizenships"');
    expect(text).toContain('"crossings": null');
    expect(hub.problems).toEqual([]);
  });
});
