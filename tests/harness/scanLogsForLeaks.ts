/**
 * The check run after every end-to-end run (globalTeardown): the logs every hub process wrote are
 * read line by line for personal values and tokens. It refuses to pass vacuously: each process the
 * harness started must have logged, and the scanner must find values planted in a line first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { AGENCY_PROCESSES } from "@hub/local/dist/layout";
import { generateWorld } from "@hub/synthetic";
import { createLeakScanner, type Leak, type LeakScanner } from "./leakScanner";
import { OUTPUT_DIR, TEST_PERSONS } from "./hubEnv";

export interface LeakReport {
  files: number;
  lines: number;
  leaks: (Leak & { file: string; line: number })[];
}

function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "state" ? [] : logFiles(file);
    return name.endsWith(".log") ? [file] : [];
  });
}

/** Throws unless the scanner finds one planted value of each kind (the world and the scanner agree). */
export function assertScannerWorks(scanner: LeakScanner, world = generateWorld({ persons: TEST_PERSONS })): void {
  const person = world.persons[0];
  const document = world.travelDocuments[0];
  if (!person || !document || scanner.size < world.persons.length) throw new Error("the leak scanner has no values");
  const planted = JSON.stringify({
    msg: "planted",
    err: { message: `no row for ${person.personRef}`, parameters: [document.documentNumber, person.nationalId] },
    who: `${person.givenName} ${person.familyName}`,
    headers: { authorization: "Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" },
  });
  const kinds = new Set(scanner.scan(planted).map((l) => l.kind));
  for (const kind of ["personRef", "document", "nationalId", "name", "jwt"] as const) {
    if (!kinds.has(kind)) throw new Error(`the leak scanner misses a planted ${kind}`);
  }
  if (scanner.scan(JSON.stringify({ level: 30, msg: "gateway ready", url: "http://127.0.0.1:4000/graphql" })).length) {
    throw new Error("the leak scanner flags an ordinary log line");
  }
}

export function scanLogsForLeaks(dir = OUTPUT_DIR): LeakReport {
  const world = generateWorld({ persons: TEST_PERSONS });
  const scanner = createLeakScanner(world);
  assertScannerWorks(scanner, world);
  for (const name of ["gateway", ...AGENCY_PROCESSES.map((a) => a.name)]) {
    const file = path.join(dir, `${name}.log`);
    if (!existsSync(file) || readFileSync(file, "utf8").trim() === "") {
      throw new Error(`${path.relative(process.cwd(), file)} is missing or empty: nothing to scan for leaks`);
    }
  }
  const report: LeakReport = { files: 0, lines: 0, leaks: [] };
  for (const file of logFiles(dir)) {
    report.files += 1;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((text, index) => {
        report.lines += 1;
        for (const leak of scanner.scan(text)) report.leaks.push({ ...leak, file, line: index + 1 });
      });
  }
  return report;
}

/** One line per leak (at most 20), naming the file, line, kind and a masked sample. */
export function describeLeaks(report: LeakReport): string {
  const lines = report.leaks
    .slice(0, 20)
    .map((l) => `  ${path.relative(process.cwd(), l.file)}:${l.line} ${l.kind} ${l.sample}`);
  return `${report.leaks.length} personal values or tokens in the hub's logs:\n${lines.join("\n")}`;
}
