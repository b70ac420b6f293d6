/**
 * An attacker's audit of the household survey: every table a caller may ask for (each measure,
 * no `by`, one dimension, two dimensions in either order) is read, and all of them are put in one
 * linear system over respondent counts. A cell is the same cell in every table that serves it
 * (the REGION table's Yerevan is the SEX x REGION table's _T x Yerevan); every table adds its
 * lines; members ever abroad are those abroad now plus those back (the measures' own definitions);
 * the two age classifications imply members aged 15-17. Respondent counts are exact, so any
 * suppressed or implied count the system fixes below the threshold is a disclosure.
 */
import { describe, expect, it } from "@jest/globals";
import { derivableCells, type Line } from "@hub/kit";
import { as, gql } from "../harness/fixtures";

const MINIMUM_RESPONDENTS = 30;
const FIELDS = ["sex", "age", "region", "destination", "reason", "remittanceAmount"] as const;
const DIMENSION_OF: Record<string, (typeof FIELDS)[number]> = {
  SEX: "sex",
  AGE: "age",
  REGION: "region",
  DESTINATION: "destination",
  REASON: "reason",
  REMITTANCE_AMOUNT: "remittanceAmount",
};
type Cell = Record<(typeof FIELDS)[number], string> & { respondents: number | null; flag: string };
interface Definition {
  measure: string;
  dimensions: string[];
}
interface DimensionCodes {
  dimension: string;
  codes: { code: string }[];
}

const QUERY = `query ($measure: SurveyMeasure!, $by: [SurveyDimension!]) {
  surveyEstimates(measure: $measure, by: $by) { by cells { ${FIELDS.join(" ")} respondents flag } } }`;

class System {
  readonly index = new Map<string, number>();
  readonly known = new Map<number, number>();
  readonly lines: Line[] = [];
  readonly seen = new Set<string>();
  cell(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) this.index.set(key, (i = this.index.size));
    return i;
  }
  line(total: string, parts: string[]): void {
    const id = `${total}=${parts.join("+")}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.lines.push({ total: this.cell(total), parts: parts.map((p) => this.cell(p)) });
  }
}

const keyOf = (measure: string, c: Partial<Record<(typeof FIELDS)[number], string>>) =>
  [measure, ...FIELDS.map((f) => c[f] ?? "_T")].join("|");

describe("household survey: differencing across the tables a caller may ask for", () => {
  it("fixes no suppressed or implied respondent count below the threshold", async () => {
    const statistician = await as("statistician");
    const reference = await gql(
      "{ surveyMeasures { measure dimensions } surveyDimensions { dimension codes { code } } }",
      statistician,
    );
    const measures = reference.body.data?.surveyMeasures as Definition[];
    const codes = new Map(
      (reference.body.data?.surveyDimensions as DimensionCodes[]).map((d) => [d.dimension, d.codes.map((c) => c.code)]),
    );
    const fetched: { measure: string; by: string[]; cells: Cell[] }[] = [];
    for (const { measure, dimensions } of measures) {
      const choices = [
        [],
        ...dimensions.map((d) => [d]),
        ...dimensions.flatMap((a) => dimensions.filter((b) => b !== a).map((b) => [a, b])),
      ];
      for (const by of choices) {
        const res = await gql(QUERY, { ...statistician, variables: { measure, by } });
        expect(res.body.errors).toBeUndefined();
        fetched.push({ measure, by, cells: (res.body.data?.surveyEstimates as { cells: Cell[] }).cells });
      }
    }
    const tables = fetched.length;
    const audit = (scope: {
      tables: (t: (typeof fetched)[number]) => string;
      acrossMeasures: boolean;
      ages: boolean;
    }) => {
      const system = new System();
      // `scope.tables` names the table a cell belongs to: cells of different names never meet.
      for (const table of fetched) {
        const { by, cells } = table;
        const name = scope.tables(table);
        for (const c of cells) {
          const i = system.cell(keyOf(name, c));
          if (c.respondents !== null) system.known.set(i, c.respondents);
        }
        for (const [d, dimension] of by.entries()) {
          const other = by[1 - d];
          const field = DIMENSION_OF[dimension] as (typeof FIELDS)[number];
          const all = (codes.get(dimension) ?? []).filter((c) => c !== "_T");
          const classifications =
            dimension === "AGE" ? [["Y_LT18", "Y_GE18"], all.filter((c) => !["Y_LT18", "Y_GE18"].includes(c))] : [all];
          for (const at of other === undefined ? ["_T"] : (codes.get(other) ?? [])) {
            const fixed = other === undefined ? {} : { [DIMENSION_OF[other] as string]: at };
            for (const parts of classifications) {
              system.line(
                keyOf(name, fixed),
                parts.map((p) => keyOf(name, { ...fixed, [field]: p })),
              );
            }
            if (dimension === "AGE" && scope.ages) {
              // Members aged 15-17 and 18-29: no table serves them, the two classifications imply them.
              const teen = keyOf(name, { ...fixed, age: "IMPLIED_15-17" });
              system.line(keyOf(name, { ...fixed, age: "Y_LT18" }), [keyOf(name, { ...fixed, age: "Y_LT15" }), teen]);
              system.line(keyOf(name, { ...fixed, age: "Y15-29" }), [
                teen,
                keyOf(name, { ...fixed, age: "IMPLIED_18-29" }),
              ]);
            }
          }
        }
      }
      if (scope.acrossMeasures) {
        // EVER = ABROAD + RETURNED, cell by cell, over every cell the three share.
        for (const [key] of system.index) {
          if (!key.startsWith("MEMBERS_EVER_ABROAD|")) continue;
          const rest = key.slice("MEMBERS_EVER_ABROAD|".length);
          system.line(key, [`MEMBERS_CURRENTLY_ABROAD|${rest}`, `RETURNED_MIGRANTS|${rest}`]);
        }
      }
      const cells = system.index.size;
      const hidden = Array.from({ length: cells }, (_, i) => !system.known.has(i));
      const keys = [...system.index.keys()];
      const derivable = derivableCells(system.lines, hidden);
      // The value of each derivable cell: by substitution through lines with one unknown left.
      const value = new Map(system.known);
      for (let changed = true; changed;) {
        changed = false;
        for (const l of system.lines) {
          const unknown = [l.total, ...l.parts].filter((c) => !value.has(c));
          if (unknown.length !== 1) continue;
          const u = unknown[0] as number;
          const sum = l.parts.reduce((s, p) => s + (p === u ? 0 : (value.get(p) as number)), 0);
          value.set(u, u === l.total ? sum : (value.get(l.total) as number) - sum);
          changed = true;
        }
      }
      return derivable
        .map((i) => ({ cell: keys[i] as string, respondents: value.get(i) }))
        .filter((d) => d.respondents === undefined || d.respondents < MINIMUM_RESPONDENTS);
    };
    const scopes = {
      "each table alone": {
        tables: (t: (typeof fetched)[number]) => `${t.measure}[${t.by.join(",")}]`,
        acrossMeasures: false,
        ages: false,
      },
      "tables of one measure together": {
        tables: (t: (typeof fetched)[number]) => t.measure,
        acrossMeasures: false,
        ages: false,
      },
      "+ EVER = ABROAD + RETURNED": {
        tables: (t: (typeof fetched)[number]) => t.measure,
        acrossMeasures: true,
        ages: false,
      },
      "each table alone, + ages 15-17 implied": {
        tables: (t: (typeof fetched)[number]) => `${t.measure}[${t.by.join(",")}]`,
        acrossMeasures: false,
        ages: true,
      },
    };
    const disclosed: { scope: string; cell: string; respondents: number | undefined }[] = [];
    for (const [scope, options] of Object.entries(scopes)) {
      const found = audit(options);
      process.stdout.write(
        `${scope}: ${found.length} cells fixed below ${MINIMUM_RESPONDENTS}\n` +
          found
            .slice(0, 8)
            .map((d) => `  ${d.cell}: ${d.respondents ?? "?"} respondents\n`)
            .join(""),
      );
      disclosed.push(...found.map((f) => ({ scope, ...f })));
    }
    expect(tables).toBeGreaterThan(50);
    expect(disclosed).toEqual([]);
  }, 600_000);
});
