/**
 * The anomaly alarm (R7-3) in the auditor console, on a gateway of this file's own with a low
 * ceiling: after a burst of identity reads, the auditor sees the suspended caller with its
 * evidence and cannot lift it; the data-protection officer lifts it with a reason, and the
 * caller is served again.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { as, gql, world, type RequestOptions } from "../harness/fixtures";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";
import { launchBrowser, newHubPage, screenshot, signInAs } from "./browser";

const CEILING = 2;
const PERSON = `query ($ref: ID!) { person(personRef: $ref) { personRef familyName } }`;

let browser: Browser;
let gateway: OwnedProcess;
let officer: RequestOptions;
const subject = `officer-console-${randomUUID().slice(0, 8)}`;
const adults = world()
  .persons.filter((p) => p.guardianPersonRef === null && p.dateOfBirth < "2000-01-01" && p.retainUntil > world().asOf)
  .map((p) => p.personRef);
const read = (ref: string) => gql(PERSON, { ...officer, url: `${gateway.origin}/graphql`, variables: { ref } });

beforeAll(async () => {
  gateway = await startOwnGateway({
    HUB_ALARM_PREFIX: `browser:alarm:${randomUUID()}`,
    HUB_ALARM_SUBJECT_SHORT_CEILING: String(CEILING),
    HUB_ALARM_HISTORY_FACTOR: "0",
  });
  officer = await as("border-officer", { subject });
  for (const ref of adults.slice(0, CEILING + 1)) expect((await read(ref)).status).toBe(200);
  const refused = await read(adults[0] ?? "");
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "ACCOUNT_SUSPENDED", rule: "R7-3" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
});

describe("alarms in the auditor console", () => {
  it("shows the auditor the suspended caller and its evidence, and lets only the DPO lift it", async () => {
    const auditorView = await newHubPage(browser, gateway.origin);
    try {
      const { page } = auditorView;
      await signInAs(page, "auditor", "/audit/");
      const alarm = page.getByTestId("alarm").filter({ hasText: subject });
      await alarm.waitFor();
      await expect(alarm.getByTestId("alarm-who").textContent()).resolves.toContain(`${subject} (BORDER_POLICE)`);
      const evidence = (await alarm.getByTestId("alarm-evidence").textContent()) ?? "";
      expect(evidence).toContain(`${CEILING + 1} distinct persons`);
      expect(evidence).toContain("in 10 min");
      expect(evidence).toContain(`more than the ceiling of ${CEILING}`);
      await alarm.locator("summary").click();
      await expect(alarm.getByTestId("alarm-events").locator("li").count()).resolves.toBe(CEILING + 1);
      await expect(alarm.getByTestId("alarm-lift").count()).resolves.toBe(0);
      await screenshot(page, "alarm-auditor");
      expect(auditorView.problems).toEqual([]);
    } finally {
      await auditorView.context.close();
    }

    const dpoView = await newHubPage(browser, gateway.origin);
    try {
      const { page } = dpoView;
      await signInAs(page, "dpo", "/audit/");
      const alarm = page.getByTestId("alarm").filter({ hasText: subject });
      await alarm.waitFor();
      await alarm.getByLabel("Reason for lifting").fill("Verified with the shift supervisor: a coach was checked.");
      await screenshot(page, "alarm-dpo-before-lift");
      await alarm.getByRole("button", { name: "Lift suspension" }).click();
      await alarm.waitFor({ state: "detached" });
      await screenshot(page, "alarm-dpo-lifted");
      expect(dpoView.problems).toEqual([]);
    } finally {
      await dpoView.context.close();
    }

    const again = await read(adults[0] ?? "");
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
  });
});
