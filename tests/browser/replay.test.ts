/**
 * Replaying a decision from the auditor console in a real browser: an officer's partial request
 * (one field allowed, one denied) is opened by the auditor, "Replay decision" re-decides it under
 * the policy version it cites, and the console says it is the same decision, field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { as, gql, world } from "../harness/fixtures";
import { launchBrowser, newHubPage, screenshot, signInAs } from "./browser";

const MIXED = `query BrowserReplayMixed($ref: ID!) { person(personRef: $ref) { familyName asylumApplications { grounds } } }`;

let browser: Browser;

beforeAll(async () => {
  const ref = world().persons.find((p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01")?.personRef;
  const answer = await gql(MIXED, {
    ...(await as("border-officer")),
    variables: { ref },
    headers: { "x-hub-partial": "true" },
  });
  expect(answer.status).toBe(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("replay in the auditor console", () => {
  it("replays a partial request's decision and shows the same decision", async () => {
    const { context, page, problems } = await newHubPage(browser);
    try {
      await signInAs(page, "auditor", "/audit/");
      await page.getByTestId("filter-clear").click();
      await page.getByTestId("filter-agency").fill("BORDER_POLICE");
      await page.getByTestId("filter-apply").click();
      await page.locator('[data-testid="audit-timeline"][aria-busy="false"]').waitFor();
      const row = page.getByTestId("audit-event").filter({ hasText: "BrowserReplayMixed" }).first();
      await row.waitFor();
      await expect(row.getAttribute("data-outcome")).resolves.toBe("PARTIAL");
      await row.getByRole("button").click();
      const detail = page.getByTestId("audit-event-detail");
      await detail.waitFor();

      await detail.getByTestId("replay-decision").click();
      const result = detail.getByTestId("replay-result");
      await result.waitFor();
      await expect(result.getAttribute("data-status")).resolves.toBe("SAME");
      await expect(result.textContent()).resolves.toMatch(
        /Same decision: 4 of 4 field decisions re-decided as recorded/,
      );
      const fields = result.getByTestId("replay-fields");
      await expect(fields.locator('tr[data-verdict="SAME"]').count()).resolves.toBe(4);
      await expect(fields.textContent()).resolves.toMatch(
        /AsylumApplication\.grounds.*denied \(R6-3\).*denied \(R6-3\)/s,
      );
      // The record carries the token's purposes and the day: nothing is listed as not recorded.
      await expect(result.textContent()).resolves.not.toMatch(/Not recorded/);
      await result.scrollIntoViewIfNeeded();
      await screenshot(page, "audit-replay");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
