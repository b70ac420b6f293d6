/** The data-protection regime of foreign callers' countries (contracts/regimes.yaml, R14-1). */
import { readFileSync } from "node:fs";
import { isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { describeIssue, lineOf } from "./yamlLocation";

export const REGIMES = ["PARTY", "LAW_OR_TREATY", "BINDING_SAFEGUARDS", "NONE"] as const;
export type Regime = (typeof REGIMES)[number] | "DOMESTIC";

const schema = z.record(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"), z.enum(REGIMES));

export type Regimes = ReadonlyMap<string, Regime>;

export class RegimeError extends Error {}

/** Reads the regime table; throws one RegimeError naming file, line and problem. */
export function loadRegimes(file: string): Regimes {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: counter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) throw new RegimeError(`${file}:${counter.linePos(syntax.pos[0]).line}: ${syntax.message}`);
  // A table with no entries (comments only) is valid: every foreign country is then NONE.
  if (doc.contents === null) return new Map();
  if (!isMap(doc.contents)) {
    throw new RegimeError(
      `${file}:${lineOf(doc, counter, [])}: the regimes must be a mapping of country code to regime`,
    );
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) throw new RegimeError(describeIssue(file, doc, counter, parsed.error.issues[0]));
  return new Map(Object.entries(parsed.data));
}

/** A caller of the hub's own country is DOMESTIC; a country not in the table has no regime. */
export function regimeOf(regimes: Regimes, callerCountry: string, hubCountry: string): Regime {
  return callerCountry === hubCountry ? "DOMESTIC" : (regimes.get(callerCountry) ?? "NONE");
}
