/**
 * The data-protection regime of foreign callers' countries (contracts/regimes.yaml, R14-1): per
 * country the regime, the source relied on (treaty status or instrument) and the date it was
 * checked.
 */
import { readFileSync } from "node:fs";
import { isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { describeIssue, lineOf } from "@hub/contracts";
import { isoDate } from "./agreements";

export const REGIMES = ["PARTY", "LAW_OR_TREATY", "BINDING_SAFEGUARDS", "NONE"] as const;
export type Regime = (typeof REGIMES)[number] | "DOMESTIC";

const entrySchema = z
  .object({
    regime: z.enum(REGIMES),
    /** The treaty status or instrument the regime rests on, in words an auditor can check. */
    source: z.string().trim().min(10, "must say what the regime rests on").max(600),
    /** When the source was last checked, YYYY-MM-DD. */
    checked: isoDate,
  })
  .strict();
export type RegimeEntry = z.infer<typeof entrySchema>;

const schema = z.record(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"), entrySchema);

export type Regimes = ReadonlyMap<string, RegimeEntry>;

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
      `${file}:${lineOf(doc, counter, [])}: the regimes must be a mapping of country code to its regime, source and date checked`,
    );
  }
  // Dates stay strings (YYYY-MM-DD), as the schema reads them.
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) throw new RegimeError(describeIssue(file, doc, counter, parsed.error.issues[0]));
  return new Map(Object.entries(parsed.data));
}

/** A caller of the hub's own country is DOMESTIC; a country not in the table has no regime. */
export function regimeOf(regimes: Regimes, callerCountry: string, hubCountry: string): Regime {
  return callerCountry === hubCountry ? "DOMESTIC" : (regimes.get(callerCountry)?.regime ?? "NONE");
}
