/** `npm run docs:errors`: writes docs/errors.md from the error-code registry (`--check` only compares). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderErrorCodesMarkdown } from "./errors";

const file = path.resolve(__dirname, "../../docs/errors.md");
const expected = renderErrorCodesMarkdown();
let current = "";
try {
  current = readFileSync(file, "utf8");
} catch {
  // absent: written below
}
if (process.argv.includes("--check")) {
  if (current !== expected) {
    process.stderr.write("docs/errors.md is out of date with contracts/src/errors.ts; run npm run docs:errors\n");
    process.exit(1);
  }
} else if (current !== expected) {
  writeFileSync(file, expected);
}
