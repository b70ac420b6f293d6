#!/usr/bin/env node
/**
 * `npm run k8s:validate [-- overlay dir...]`: renders every overlay of infra/k8s/overlays (or the
 * folders named) and validates it. Prints one line per valid overlay and exits 0, or names every
 * problem and exits 1.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "./manifest";
import { RenderError } from "./renderOverlay";
import { validateOverlay } from "./validateOverlay";

function overlays(argv: string[]): string[] {
  if (argv.length > 0) return argv.map((d) => path.resolve(d));
  const root = path.resolve(__dirname, "..", "overlays");
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(root, e.name))
    .sort();
}

function main(argv: string[]): number {
  let failed = false;
  for (const dir of overlays(argv)) {
    const name = path.basename(dir);
    try {
      const { objects, problems } = validateOverlay(dir);
      if (problems.length === 0) {
        process.stdout.write(`${name}: ${objects.length} objects valid\n`);
        continue;
      }
      failed = true;
      for (const p of problems) process.stderr.write(`${name}: ${formatProblem(p)}\n`);
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      failed = true;
      process.stderr.write(`${name}: ${error.message}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
