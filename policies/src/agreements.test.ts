import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { AgreementError, consumerId, loadAgreements } from "./agreements";
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

  it("reads a foreign authority as consumer", () => {
    const { dir } = fixture({
      "test.yaml": withLine(
        "consumer:",
        "consumer:",
        "  country: TR",
        "  authority: TR-PMM",
        "  name: Presidency of Migration Management",
      ),
    });
    const [agreement] = loadAgreements(dir);
    expect(agreement?.consumer).toEqual({
      country: "TR",
      authority: "TR-PMM",
      name: "Presidency of Migration Management",
    });
    expect(agreement && consumerId(agreement)).toBe("TR-PMM");
  });

  const foreign = (country: string, authority: string, ...more: string[]) =>
    withLine("consumer:", "consumer:", `  country: ${country}`, `  authority: ${authority}`, "  name: A body", ...more);

  it("rejects a foreign authority whose id does not begin with its country, at the id", () => {
    expectRejected(
      foreign("TR", "GE-MIA"),
      "authority:",
      "consumer.authority: a foreign authority's id begins with its country: TR-...",
    );
  });

  it.each(["TR_PMM", "tr-pmm", "TR-", "TR-PMM-EXTRA", "TURKEY-PMM", "TR-P"])(
    "rejects the malformed authority id %s, at the id",
    (id) => {
      expectRejected(foreign("TR", id), "authority:", "consumer.authority: must be a foreign authority id");
    },
  );

  it("rejects a foreign consumer without a name, or with a field it does not have", () => {
    const lines = withLine("consumer:", "consumer:", "  country: TR", "  authority: TR-PMM");
    expectRejected(lines, "consumer:", "consumer.name: Invalid input");
    expectRejected(foreign("TR", "TR-PMM", "  agency: BORDER_POLICE"), "agency: BORDER", "consumer: Unrecognized key");
  });

  it("rejects a foreign authority of the hub's own country when the hub's country is known", () => {
    const { dir, file } = fixture({ "test.yaml": foreign("AM", "AM-POLICE") });
    expect(loadAgreements(dir)).toHaveLength(1);
    expect(() => loadAgreements(dir, { hubCountry: "AM" })).toThrow(
      `${file("test.yaml")}:6: consumer.country: AM is the hub's own country; a domestic recipient is named by its agency`,
    );
  });

  it("rejects a document that is not a mapping", () => {
    expectRejected(["- id: AGR-BP-MS-TEST"], "- id", "an agreement must be a mapping of fields");
  });
});

describe("loadRegimes", () => {
  const entry = (code: string, regime: string, source = "Party to Convention 108 (ETS 108).") => [
    `${code}:`,
    `  regime: ${regime}`,
    `  source: ${source}`,
    "  checked: 2026-12-01",
  ];
  const REGIMES = [
    "# Regimes for a test.",
    ...entry("GE", "PARTY"),
    ...entry("US", "BINDING_SAFEGUARDS", "Binding safeguards of a test agreement."),
    ...entry("RU", "NONE", "No regime relied on for the test."),
  ];
  const load = (lines: readonly string[]) => {
    const { file } = fixture({ "regimes.yaml": lines });
    return { file: file("regimes.yaml"), load: () => loadRegimes(file("regimes.yaml")) };
  };

  it("reads the regime of each country with its source and the date it was checked", () => {
    const regimes = load(REGIMES).load();
    expect([...regimes].map(([code, e]) => [code, e.regime])).toEqual([
      ["GE", "PARTY"],
      ["US", "BINDING_SAFEGUARDS"],
      ["RU", "NONE"],
    ]);
    expect(regimes.get("GE")).toEqual({
      regime: "PARTY",
      source: "Party to Convention 108 (ETS 108).",
      checked: "2026-12-01",
    });
  });

  it("rejects an unknown regime at its line", () => {
    const lines = [...REGIMES, ...entry("FR", "ADEQUATE")];
    const { file, load: run } = load(lines);
    expect(run).toThrow(RegimeError);
    expect(run).toThrow(`${file}:15: FR.regime: Invalid option`);
  });

  it("rejects an entry without its source, or with a source that says nothing, at its line", () => {
    const { file, load: run } = load([...REGIMES, "FR:", "  regime: PARTY", "  checked: 2026-12-01"]);
    expect(run).toThrow(`${file}:14: FR.source: Invalid input`);
    const empty = load([...REGIMES, ...entry("FR", "PARTY", "'  '")]);
    expect(empty.load).toThrow(`${empty.file}:16: FR.source: must say what the regime rests on`);
  });

  it("rejects a date checked that is not a calendar date, at its line", () => {
    const lines = [...REGIMES, "FR:", "  regime: PARTY", "  source: Party to Convention 108.", "  checked: 2026-13-01"];
    const { file, load: run } = load(lines);
    expect(run).toThrow(`${file}:17: FR.checked: is not a calendar date`);
  });

  it("rejects a field an entry does not have, at that field", () => {
    const { file, load: run } = load([...REGIMES, ...entry("FR", "PARTY"), "  adequacy: yes"]);
    expect(run).toThrow(`${file}:18: FR: Unrecognized key`);
  });

  it("rejects the old one-word form, naming the line", () => {
    const { file, load: run } = load([...REGIMES, "FR: PARTY"]);
    expect(run).toThrow(`${file}:14: FR: Invalid input`);
  });

  it("rejects a country that is not an ISO 3166-1 alpha-2 code at its line", () => {
    const lines = [...REGIMES.slice(0, 5), ...entry("Germany", "PARTY"), ...REGIMES.slice(5)];
    const { file, load: run } = load(lines);
    expect(run).toThrow(`${file}:6: Germany: must be an ISO 3166-1 alpha-2 code`);
  });

  it("rejects malformed YAML at the line of the error", () => {
    const { file, load: run } = load([...REGIMES, "DE PARTY", "FR: PARTY"]);
    expect(run).toThrow(`${file}:14: `);
  });

  it("reads a table with no entries as every foreign country NONE", () => {
    expect(load(["# No foreign authority calls the hub yet."]).load().size).toBe(0);
  });

  it("reads the project's table: every entry sourced and dated, the programme countries covered", () => {
    const regimes = loadRegimes(path.resolve(__dirname, "../../contracts/regimes.yaml"));
    const programmes = ["AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ", "UA", "MD", "BY", "TR"];
    const eu = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");
    for (const code of [...programmes, ...eu]) expect(regimes.has(code)).toBe(true);
    for (const code of eu) expect(regimes.get(code)?.regime).toBe("PARTY");
    for (const entry of regimes.values()) expect(entry.checked).toBe("2026-12-01");
  });
});
