/** Profile definitions: the shipped files load, and each kind of mistake names its file, line and field. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { loadProfileDefinitions, ProfileDefinitionError } from "./loadProfiles";
import { SOURCE_INDICATORS } from "./sourceIndicators";

const root = mkdtempSync(path.join(tmpdir(), "profiles-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const INDICATORS = [
  "indicators:",
  "  - code: FIRST_PERMITS",
  "    name: First residence permits",
  "    description: Permits issued to persons receiving their first; cf. Eurostat migr_resfirst.",
  "    unit: PERMITS",
  "    sourceAgency: MIGRATION_SERVICE",
  "    sourceIndicator: FIRST_PERMITS",
  "    subjectCategory: RESIDENCE",
  "    regime: STANDARD",
  "    disaggregations: [MONTH, SEX, AGE, BREAKDOWN]",
  "    breakdown:",
  "      name: Reason for the permit",
  "      codes:",
  "        FAMILY: Family reasons",
  "        OTHER: Other reasons",
  "  - code: RETURNS",
  "    name: Persons returned",
  "    description: Persons who left following a return decision; cf. Eurostat migr_eirtn.",
  "    unit: PERSONS",
  "    sourceAgency: MIGRATION_SERVICE",
  "    sourceIndicator: RETURNS",
  "    subjectCategory: RESIDENCE",
  "    regime: STANDARD",
  "    disaggregations: [SEX, AGE]",
];

const TEMPLATE = [
  "id: TEST_PROFILE",
  "title: Test profile",
  "description: A template of two indicators, for the loader's tests.",
  "adoptedBy: null",
  "indicators:",
  "  - code: RETURNS",
  "    disaggregations: [SEX]",
  "  - code: FIRST_PERMITS",
  "    disaggregations: [BREAKDOWN, SEX]",
];

let cases = 0;
/** A profiles directory with the given indicators.yaml and templates; returns the directory. */
function fixture(indicators: readonly string[], templates: Record<string, readonly string[]>): string {
  const dir = path.join(root, `case-${++cases}`);
  mkdirSync(path.join(dir, "templates"), { recursive: true });
  writeFileSync(path.join(dir, "indicators.yaml"), `${indicators.join("\n")}\n`);
  for (const [name, lines] of Object.entries(templates)) {
    writeFileSync(path.join(dir, "templates", name), `${lines.join("\n")}\n`);
  }
  return dir;
}

/** `lines` with the first line containing `from` replaced by `to`. */
const replace = (lines: readonly string[], from: string, to: string) => {
  const at = lines.findIndex((l) => l.includes(from));
  if (at < 0) throw new Error(`no line with ${from}`);
  return [...lines.slice(0, at), to, ...lines.slice(at + 1)];
};
const lineWith = (lines: readonly string[], text: string) => lines.findIndex((l) => l.includes(text)) + 1;

function loadError(dir: string): string {
  try {
    loadProfileDefinitions(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileDefinitionError);
    return (error as Error).message;
  }
  throw new Error("the definitions loaded");
}

describe("the shipped profile definitions", () => {
  const { indicators, templates } = loadProfileDefinitions();

  it("define every source indicator of the contract once, and the two templates", () => {
    expect(indicators.map((i) => i.sourceIndicator).sort()).toEqual(Object.keys(SOURCE_INDICATORS).sort());
    expect(templates.map((t) => t.id).sort()).toEqual(["NATIONAL_EXTENDED", "REGIONAL_HARMONISED"]);
  });

  it("share indicator definitions by code and publish every indicator by sex", () => {
    const codes = new Set(indicators.map((i) => i.code));
    const [national, regional] = ["NATIONAL_EXTENDED", "REGIONAL_HARMONISED"].map((id) =>
      templates.find((t) => t.id === id),
    );
    const shared = regional?.indicators.filter((i) => national?.indicators.some((n) => n.code === i.code)) ?? [];
    expect(shared.length).toBeGreaterThan(3);
    for (const t of templates) {
      for (const entry of t.indicators) {
        expect(codes.has(entry.code)).toBe(true);
        expect(entry.disaggregations[0]).toBe("SEX");
      }
    }
  });
});

describe("loadProfileDefinitions", () => {
  it("reads definitions and templates, dimensions in canonical order", () => {
    const { indicators, templates } = loadProfileDefinitions(fixture(INDICATORS, { "test.yaml": TEMPLATE }));
    expect(indicators.map((i) => [i.code, i.disaggregations])).toEqual([
      ["FIRST_PERMITS", ["SEX", "AGE", "MONTH", "BREAKDOWN"]],
      ["RETURNS", ["SEX", "AGE"]],
    ]);
    expect(indicators[0]?.breakdown).toEqual({
      name: "Reason for the permit",
      codes: [
        { code: "FAMILY", name: "Family reasons" },
        { code: "OTHER", name: "Other reasons" },
      ],
    });
    expect(indicators[1]?.breakdown).toBeNull();
    expect(templates).toEqual([
      expect.objectContaining({
        id: "TEST_PROFILE",
        adoptedBy: null,
        indicators: [
          { code: "RETURNS", disaggregations: ["SEX"] },
          { code: "FIRST_PERMITS", disaggregations: ["SEX", "BREAKDOWN"] },
        ],
      }),
    ]);
  });

  it("refuses a template naming an unknown indicator, at its line", () => {
    const template = replace(TEMPLATE, "code: RETURNS", "  - code: EMIGRANTS");
    const dir = fixture(INDICATORS, { "test.yaml": template });
    expect(loadError(dir)).toBe(
      `${path.join(dir, "templates", "test.yaml")}:${lineWith(template, "EMIGRANTS")}: indicators.0.code: EMIGRANTS is not an indicator of indicators.yaml`,
    );
  });

  it("refuses a template whose indicator is not published by sex", () => {
    const template = replace(TEMPLATE, "[BREAKDOWN, SEX]", "    disaggregations: [BREAKDOWN]");
    const dir = fixture(INDICATORS, { "test.yaml": template });
    expect(loadError(dir)).toBe(
      `${path.join(dir, "templates", "test.yaml")}:${lineWith(template, "[BREAKDOWN]")}: indicators.1.disaggregations: must include SEX: every figure of a profile is published by sex`,
    );
  });

  it("refuses a template publishing a dimension its indicator does not offer", () => {
    const template = replace(TEMPLATE, "disaggregations: [SEX]", "    disaggregations: [SEX, REGION]");
    expect(loadError(fixture(INDICATORS, { "test.yaml": template }))).toMatch(
      /test\.yaml:7: indicators\.0\.disaggregations\.1: RETURNS is not broken down by REGION/,
    );
  });

  it("refuses a source indicator the contract does not serve, at its line", () => {
    const indicators = replace(INDICATORS, "sourceIndicator: RETURNS", "    sourceIndicator: EMIGRANTS");
    const dir = fixture(indicators, { "test.yaml": TEMPLATE });
    expect(loadError(dir)).toMatch(
      new RegExp(
        `^${path.join(dir, "indicators.yaml")}:${lineWith(indicators, "EMIGRANTS")}: indicators\\.1\\.sourceIndicator: EMIGRANTS is not a source indicator of the contract \\(CROSSINGS, `,
      ),
    );
  });

  it("refuses a regime or an agency other than the source's", () => {
    const strict = replace(INDICATORS, "regime: STANDARD", "    regime: STRICT");
    expect(loadError(fixture(strict, { "test.yaml": TEMPLATE }))).toMatch(
      /indicators\.yaml:9: indicators\.0\.regime: FIRST_PERMITS is protected under the STANDARD regime at source, not STRICT/,
    );
    const agency = replace(INDICATORS, "sourceAgency: MIGRATION_SERVICE", "    sourceAgency: BORDER_POLICE");
    expect(loadError(fixture(agency, { "test.yaml": TEMPLATE }))).toMatch(
      /indicators\.yaml:6: indicators\.0\.sourceAgency: FIRST_PERMITS is served by MIGRATION_SERVICE, not BORDER_POLICE/,
    );
  });

  it("refuses a dimension the source does not have, and a breakdown without its classification", () => {
    const region = replace(INDICATORS, "disaggregations: [SEX, AGE]", "    disaggregations: [SEX, REGION]");
    expect(loadError(fixture(region, { "test.yaml": TEMPLATE }))).toMatch(
      /indicators\.yaml:24: indicators\.1\.disaggregations\.1: RETURNS has no REGION at source/,
    );
    const noCodes = INDICATORS.slice(0, lineWith(INDICATORS, "breakdown:") - 1).concat(INDICATORS.slice(15));
    expect(loadError(fixture(noCodes, { "test.yaml": TEMPLATE }))).toMatch(
      /indicators\.yaml:10: indicators\.0\.disaggregations: an indicator broken down by BREAKDOWN lists its classification/,
    );
  });

  it("refuses a field of no known name, a duplicate id and a YAML syntax error", () => {
    expect(loadError(fixture(INDICATORS, { "test.yaml": [...TEMPLATE, "owner: nobody"] }))).toMatch(
      /test\.yaml:10: Unrecognized key: "owner"/,
    );
    expect(loadError(fixture(INDICATORS, { "a.yaml": TEMPLATE, "b.yaml": TEMPLATE }))).toMatch(
      /b\.yaml: id: TEST_PROFILE is already the id of .*a\.yaml/,
    );
    expect(loadError(fixture(["indicators: [", "  - code: X"], { "test.yaml": TEMPLATE }))).toMatch(
      /indicators\.yaml:\d+: /,
    );
  });
});
