/** The committed supergraph and subgraph schemas are what the subgraphs compose to today. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "@jest/globals";
import { repoRoot } from "../harness/fixtures";

describe("contracts", () => {
  it("the committed supergraph equals a fresh composition", async () => {
    const run = promisify(execFile)(process.execPath, [path.join(repoRoot, "contracts/dist/compose.js"), "--check"]);
    await expect(run).resolves.toMatchObject({ stdout: expect.stringContaining("up to date") });
  });
});
