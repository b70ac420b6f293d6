#!/usr/bin/env node
/**
 * `npm run k8s:validate [-- overlay dir...]`: renders every overlay of infra/k8s/overlays (or the
 * folders named) and validates it, and each again with every component an operator may add to it
 * (OVERLAY_COMPONENTS: production with the audit log's restore). Prints one line per valid
 * rendering and exits 0, or names every problem and exits 1.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "./manifest";
import { OVERLAY_COMPONENTS, RenderError } from "./renderOverlay";
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
  const renderings = overlays(argv).flatMap((dir) => [
    { dir, name: path.basename(dir), components: [] as readonly string[] },
    ...(OVERLAY_COMPONENTS[path.basename(dir)] ?? []).map((c) => ({
      dir,
      name: `${path.basename(dir)} + ${c}`,
      components: [c],
    })),
  ]);
  for (const { dir, name, components } of renderings) {
    try {
      const { objects, problems } = validateOverlay(dir, undefined, components);
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
