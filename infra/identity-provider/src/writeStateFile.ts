/** Writes a file of the provider's state folder whole or not at all, readable by its owner only. */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export function writeStateFile(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // A running provider watches its key file: a rename never lets it read half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}
