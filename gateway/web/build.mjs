// Builds the web app with Vite unless dist/ already holds a build of exactly these sources, so that
// `npm start` (which runs the root build) does not spend 20 s re-bundling GraphiQL each time.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = path.dirname(fileURLToPath(import.meta.url));
const stampFile = path.join(root, "dist", ".build-stamp");
// The contracts the pages bundle (vocabularies, profile definitions) count as sources too.
const inputs = [
  ...["src", "explorer", "audit", "report", "vite.config.ts", "package.json", "../../package-lock.json"],
  ...[
    "../../contracts/src/vocabulary.ts",
    "../../contracts/profiles/indicators.yaml",
    "../../contracts/src/provenance",
  ],
];

function files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

const hash = createHash("sha256");
for (const file of inputs.flatMap(files))
  hash.update(path.relative(root, file)).update("\0").update(readFileSync(file));
const stamp = hash.digest("hex");

if (process.argv.includes("--force") || !existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
  await build({ root, configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
  writeFileSync(stampFile, stamp);
  process.stdout.write("web: built gateway/web/dist\n");
} else {
  process.stdout.write("web: gateway/web/dist is up to date\n");
}
