import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { AgreementError, loadAgreements } from "./agreements";
import { loadRegimes, RegimeError } from "./regimes";

const root = mkdtempSync(path.join(tmpdir(), "agreements-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
/** A fresh directory holding the given files; returns the directory and each file's path. */
function fixture(files: Record<string, readonly string[]>): { dir: string; file: (name: string) => string } {
  const dir = path.join(root, `case-${++dirs}`);
  mkdirSync(dir);
  for (const [name, lines] of Object.entries(files)) writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`);
  return { dir, file: (name) => path.join(dir, name) };
}

/** 1-based line of the first line containing `text`. */
const lineOf = (lines: readonly string[], text: string) => lines.findIndex((l) => l.includes(text)) + 1;

const AGREEMENT = [
  "# A test agreement.",
  "id: AGR-BP-MS-TEST",
  "title: Test exchange of crossing records",
  "provider: BORDER_POLICE",
  "consumer: MIGRATION_SERVICE",
  "purposes:",
  "  - RESIDENCE_ADMIN",
  "roles: [clerk]",
  "categories:",
  "  - IDENTIFIER",
  "  - TRAVEL",
  "specialCategories:",
  "  - category: BIOMETRIC",
  "    roles: [clerk]",
  "legalBasis: Test protocol, art. 1",
  "validFrom: 2024-01-01",
  "validTo: 2030-12-31",
] as const;

/** The test agreement with one line replaced (or more lines inserted in its place). */
const withLine = (match: string, ...replacement: string[]) => {
  const index = AGREEMENT.findIndex((l) => l.startsWith(match));
  if (index < 0) throw new Error(`no line ${match}`);
  return [...AGREEMENT.slice(0, index), ...replacement, ...AGREEMENT.slice(index + 1)];
};

/** Expects loading `lines` as test.yaml to fail at the line containing `at`, with `message`. */
function expectRejected(lines: readonly string[], at: string, message: string) {
  const { dir, file } = fixture({ "test.yaml": lines });
  const line = lineOf(lines, at);
  expect(line).toBeGreaterThan(0);
  expect(() => loadAgreements(dir)).toThrow(AgreementError);
  expect(() => loadAgreements(dir)).toThrow(`${file("test.yaml")}:${line}: ${message}`);
}

describe("loadAgreements", () => {
  it("reads a valid agreement", () => {
    const { dir, file } = fixture({ "test.yaml": AGREEMENT });
    expect(loadAgreements(dir)).toEqual([
      expect.objectContaining({
        id: "AGR-BP-MS-TEST",
        specialCategories: [{ category: "BIOMETRIC", roles: ["clerk"] }],
      }),
    ]);
    expect(loadAgreements(dir)[0]?.file).toBe(file("test.yaml"));
  });

  it("rejects an unknown agency", () => {
    expectRejected(withLine("consumer:", "consumer: CUSTOMS"), "CUSTOMS", "consumer: Invalid option");
  });

  it("rejects an unknown purpose", () => {
    expectRejected(
      withLine("  - RESIDENCE_ADMIN", "  - RESIDENCE_ADMIN", "  - MARKETING"),
      "MARKETING",
      "purposes.1: Invalid option",
    );
  });

  it("rejects an unknown category", () => {
    expectRejected(withLine("  - TRAVEL", "  - TRAVELS"), "TRAVELS", "categories.1: Invalid option");
  });

  it("rejects a special category listed under categories", () => {
    expectRejected(
      withLine("  - TRAVEL", "  - TRAVEL", "  - ASYLUM"),
      "ASYLUM",
      "categories.2: ASYLUM is a special category: list it under specialCategories",
    );
  });

  it("rejects a clause role that the agreement's roles do not name", () => {
    expectRejected(
      withLine("    roles: [clerk]", "    roles:", "      - clerk", "      - asylum-officer"),
      "asylum-officer",
      "specialCategories.0.roles.1: role asylum-officer is not among the agreement's roles (clerk)",
    );
  });

  it("rejects validFrom after validTo, at validTo", () => {
    expectRejected(
      withLine("validFrom:", "validFrom: 2031-01-01"),
      "validTo:",
      "validTo: validFrom must not be after validTo",
    );
  });

  it("rejects a date that is not in the calendar", () => {
    expectRejected(withLine("validTo:", "validTo: 2030-02-30"), "validTo:", "validTo: is not a calendar date");
  });

  it("rejects a field an agreement does not have, at that field", () => {
    expectRejected(
      withLine("legalBasis:", "legalBasis: Test protocol", "retention: 5y"),
      "retention:",
      "Unrecognized key",
    );
  });

  it("rejects an id used twice, naming both places", () => {
    const second = [...AGREEMENT.slice(1, 2), ...AGREEMENT.slice(2).map((l) => l.replace("Test exchange", "Other"))];
    const { dir, file } = fixture({ "a.yaml": AGREEMENT, "b.yaml": ["# The same id again.", ...second] });
    expect(() => loadAgreements(dir)).toThrow(
      `${file("b.yaml")}:2: id: AGR-BP-MS-TEST is already used at ${file("a.yaml")}:2`,
    );
  });

  it("rejects an id used twice in one file of several documents", () => {
    const lines = [...AGREEMENT, "---", ...AGREEMENT.slice(1)];
    const { dir, file } = fixture({ "test.yaml": lines });
    expect(() => loadAgreements(dir)).toThrow(
      `${file("test.yaml")}:${AGREEMENT.length + 2}: id: AGR-BP-MS-TEST is already used at ${file("test.yaml")}:2`,
    );
  });

  it("rejects malformed YAML at the line of the error", () => {
    expectRejected(
      withLine("title:", "title Test exchange"),
      "title Test exchange",
      "Implicit keys need to be on a single line",
    );
    expectRejected(
      withLine("legalBasis:", "\tlegalBasis: Test protocol"),
      "legalBasis",
      "Tabs are not allowed as indentation",
    );
  });

  it("rejects a document that is not a mapping", () => {
    expectRejected(["- id: AGR-BP-MS-TEST"], "- id", "an agreement must be a mapping of fields");
  });
});

describe("loadRegimes", () => {
  const REGIMES = ["# Regimes for a test.", "GE: PARTY", "US: BINDING_SAFEGUARDS", "RU: NONE"];
  const load = (lines: readonly string[]) => {
    const { file } = fixture({ "regimes.yaml": lines });
    return { file: file("regimes.yaml"), load: () => loadRegimes(file("regimes.yaml")) };
  };

  it("reads the regime of each country", () => {
    expect([...load(REGIMES).load()]).toEqual([
      ["GE", "PARTY"],
      ["US", "BINDING_SAFEGUARDS"],
      ["RU", "NONE"],
    ]);
  });

  it("rejects an unknown regime at its line", () => {
    const lines = [...REGIMES, "FR: ADEQUATE"];
    const { file, load: run } = load(lines);
    expect(run).toThrow(RegimeError);
    expect(run).toThrow(`${file}:5: FR: Invalid option`);
  });

  it("rejects a country that is not an ISO 3166-1 alpha-2 code at its line", () => {
    const lines = [...REGIMES.slice(0, 2), "Germany: PARTY", ...REGIMES.slice(2)];
    const { file, load: run } = load(lines);
    expect(run).toThrow(`${file}:3: Germany: must be an ISO 3166-1 alpha-2 code`);
  });

  it("rejects malformed YAML at the line of the error", () => {
    const { file, load: run } = load([...REGIMES, "DE PARTY", "FR: PARTY"]);
    expect(run).toThrow(`${file}:5: `);
  });

  it("reads a table with no entries as every foreign country NONE", () => {
    expect(load(["# No foreign authority calls the hub yet."]).load().size).toBe(0);
  });
});
