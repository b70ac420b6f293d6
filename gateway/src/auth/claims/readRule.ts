/** Reading one attribute by its ClaimRule: the claim or constant, its JSON shape, prefix, case and aliases. */
import type { ClaimRule } from "./ClaimMapping";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { alternativesOf, CONSTANT_SOURCE, describePaths, readPath } from "./claimPath";

/** Longest list read from one claim: above any real role or scope list, and a bound on work per token. */
export const MAX_LIST_VALUES = 1000;

export interface SingleValue {
  value: string;
  /** Where it was read, as messages name it. */
  source: string;
}

export interface ListValue {
  /** Distinct values, in the token's order. */
  values: string[];
  source: string;
}

type Kind = "single" | "list";
type Translation = Pick<ClaimRule, "prefix" | "case" | "aliases">;

/** The raw claim (or constant) and where it came from; null when no alternative is present. */
function rawOf(payload: unknown, rule: ClaimRule, field: string): { raw: unknown; source: string } | null {
  if (rule.value !== undefined) return { raw: rule.value, source: CONSTANT_SOURCE };
  for (const path of alternativesOf(rule.claim)) {
    const read = readPath(payload, path);
    if (read.kind === "ambiguous") throw new ClaimsUnfit(field, "ambiguous", describePaths([path]));
    if (read.kind === "present") return { raw: read.value, source: describePaths([path]) };
  }
  return null;
}

function stringsOf(raw: unknown, kind: Kind, rule: ClaimRule, unfit: (r: "invalid" | "too-many") => ClaimsUnfit) {
  const strict = rule.form === "strict";
  if (typeof raw === "string") {
    if (strict && kind === "list") throw unfit("invalid");
    // A prefix means a list of tagged values, such as an OAuth scope string, even for one attribute.
    if (kind === "single" && rule.prefix === undefined) {
      if (raw === "") throw unfit("invalid");
      return [raw];
    }
    const parts = raw.split(/\s+/).filter((part) => part !== "");
    if (parts.length > MAX_LIST_VALUES) throw unfit("too-many");
    return parts;
  }
  if (Array.isArray(raw)) {
    if (strict && kind === "single") throw unfit("invalid");
    if (raw.length > MAX_LIST_VALUES) throw unfit("too-many");
    // One value of another type spoils the list: it is refused whole, never read in part.
    if (!raw.every((item): item is string => typeof item === "string" && item !== "")) throw unfit("invalid");
    return raw as string[];
  }
  throw unfit("invalid");
}

const aliasMaps = new WeakMap<Translation, Map<string, string>>();

const cased = (value: string, mode: Translation["case"]) =>
  mode === "upper" ? value.toUpperCase() : mode === "lower" ? value.toLowerCase() : value;

/** The rule's aliases with keys under its case, built once per rule; a Map, so no key reaches a prototype. */
function aliasesOf(rule: Translation): Map<string, string> {
  let map = aliasMaps.get(rule);
  if (!map) {
    map = new Map(Object.entries(rule.aliases ?? {}).map(([from, to]) => [cased(from, rule.case), to]));
    aliasMaps.set(rule, map);
  }
  return map;
}

/** No identity provider sends control characters in an identifier; kept, they could forge lines of a log or report. */
const CONTROL = /\p{Cc}/u;

/**
 * Prefix (kept and stripped), then case, then aliases. An empty value left over, or one with a
 * control character, is a fault of the token, not a value.
 */
function translate(values: readonly string[], rule: Translation, unfit: () => ClaimsUnfit): string[] {
  const { prefix } = rule;
  const kept =
    prefix === undefined ? values : values.filter((v) => v.startsWith(prefix)).map((v) => v.slice(prefix.length));
  const aliases = aliasesOf(rule);
  return kept.map((v) => {
    const c = cased(v, rule.case);
    const out = aliases.get(c) ?? c;
    if (out === "" || CONTROL.test(out)) throw unfit();
    return out;
  });
}

function read(payload: unknown, rule: ClaimRule, field: string, kind: Kind): ListValue | null {
  const raw = rawOf(payload, rule, field);
  if (raw === null) return null;
  const unfit = (reason: "invalid" | "too-many") => new ClaimsUnfit(field, reason, raw.source);
  const values = translate(stringsOf(raw.raw, kind, rule, unfit), rule, () => unfit("invalid"));
  return { values: [...new Set(values)], source: raw.source };
}

/**
 * A single-valued attribute: null when absent, or when the claim holds no value the rule keeps
 * (say, no role with the prefix). More than one distinct value is refused: the hub never guesses.
 */
export function readSingle(payload: unknown, rule: ClaimRule, field: string): SingleValue | null {
  const got = read(payload, rule, field, "single");
  if (got === null || got.values.length === 0) return null;
  if (got.values.length > 1) throw new ClaimsUnfit(field, "ambiguous", got.source);
  return { value: got.values[0] as string, source: got.source };
}

/** A list attribute: null when absent; an empty list when the claim is present and keeps nothing. */
export function readList(payload: unknown, rule: ClaimRule, field: string): ListValue | null {
  return read(payload, rule, field, "list");
}

/** Where a rule would read, for a message about an attribute that is missing. */
export function sourceOf(rule: ClaimRule): string {
  return rule.value !== undefined ? CONSTANT_SOURCE : describePaths(alternativesOf(rule.claim));
}
