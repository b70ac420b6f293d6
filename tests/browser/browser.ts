/**
 * Helpers of the browser tests: Debian's Chromium driven by playwright-core (no browser download),
 * a page on the hub the jest harness started, persona sign-in, screenshots and storage checks.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect } from "@jest/globals";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { OUTPUT_DIR, readHubEnv } from "../harness/hubEnv";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, "screenshots");
export const VIEWPORT = { width: 1280, height: 900 };

const hub = readHubEnv();

/** The gateway's origin, e.g. http://127.0.0.1:41234 (pages are served at /explorer/ and /audit/). */
export function hubOrigin(): string {
  return new URL(hub.gatewayUrl).origin;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (the CI script does it)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

export interface HubPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations the page reported. */
  problems: string[];
}

/** A fresh context (empty storage) at 1280 px with the hub (or another gateway) as base URL; call `context.close()` after. */
export async function newHubPage(browser: Browser, origin = hubOrigin()): Promise<HubPage> {
  const context = await browser.newContext({ baseURL: origin, viewport: VIEWPORT });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** Opens `pagePath` and signs in with the demo persona picker; resolves once the session shows. */
export async function signInAs(page: Page, persona: string, pagePath = "/explorer/"): Promise<void> {
  await page.goto(pagePath);
  await page.getByTestId("signin-persona").selectOption(persona);
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("signed-in-as").waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** What the page keeps in browser storage: the count of localStorage items and the sessionStorage keys. */
export async function browserStorage(page: Page): Promise<{ localLength: number; sessionKeys: string[] }> {
  // A string expression: the tests' TypeScript has no DOM library.
  return page.evaluate<{ localLength: number; sessionKeys: string[] }>(
    "({ localLength: localStorage.length, sessionKeys: Object.keys(sessionStorage) })",
  );
}

/** The only keys the pages may keep in sessionStorage (nothing about persons). */
export const SESSION_KEYS = ["hub.session.token", "hub.session.purpose"];

/** What a page may keep in the browser: nothing in localStorage, only the session's own keys in sessionStorage. */
export async function expectOnlySessionKept(page: Page): Promise<void> {
  const storage = await browserStorage(page);
  expect(storage.localLength).toBe(0);
  for (const key of storage.sessionKeys) expect(SESSION_KEYS).toContain(key);
}
