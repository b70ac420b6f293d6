/** The data-protection regime of foreign callers' countries (contracts/regimes.yaml, R14-1). */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";

export const REGIMES = ["PARTY", "LAW_OR_TREATY", "BINDING_SAFEGUARDS", "NONE"] as const;
export type Regime = (typeof REGIMES)[number] | "DOMESTIC";

const schema = z.record(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"), z.enum(REGIMES));

export type Regimes = ReadonlyMap<string, Regime>;

export function loadRegimes(file: string): Regimes {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: counter });
  const syntax = doc.errors[0];
  if (syntax) throw new Error(`${file}:${counter.linePos(syntax.pos[0]).line}: ${syntax.message}`);
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    const text = readFileSync(file, "utf8").split("\n");
    const line = Math.max(1, text.findIndex((l) => l.startsWith(`${key}:`)) + 1);
    throw new Error(`${file}:${line}: ${key}: ${issue?.message}`);
  }
  return new Map(Object.entries(parsed.data));
}

/** A caller of the hub's own country is DOMESTIC; a country not in the table has no regime. */
export function regimeOf(regimes: Regimes, callerCountry: string, hubCountry: string): Regime {
  return callerCountry === hubCountry ? "DOMESTIC" : (regimes.get(callerCountry) ?? "NONE");
}
