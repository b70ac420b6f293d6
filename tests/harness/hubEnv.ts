/** What the harness started, written by globalSetup for the test files to read. */
import { readFileSync } from "node:fs";
import path from "node:path";

export const OUTPUT_DIR = path.resolve(__dirname, "../output");
export const HUB_ENV_FILE = path.join(OUTPUT_DIR, "hub.json");
export const TEST_PERSONS = Number(process.env.HUB_TEST_PERSONS ?? 400);
/** Folder of OUTPUT_DIR where the processes a test starts itself leave their logs. */
export const OWN_LOGS = "own";

export interface HubEnv {
  gatewayUrl: string;
  subgraphs: Record<string, { url: string; metricsUrl: string }>;
  keysDir: string;
  stateDir: string;
  persons: number;
  databases: "server" | "embedded";
  /** Each subgraph's database, by subgraph name (including the audit log's). */
  databaseUrls: Record<string, string>;
  /** The environment the gateway was started with (to start a second one). */
  gatewayEnv: Record<string, string>;
  /** What every subgraph was started with, less its port and database (to start one of a test's own). */
  subgraphEnv: Record<string, string>;
}

export function readHubEnv(): HubEnv {
  return JSON.parse(readFileSync(HUB_ENV_FILE, "utf8")) as HubEnv;
}
