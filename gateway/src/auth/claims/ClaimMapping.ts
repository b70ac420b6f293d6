/** The shape of a claim mapping: where each attribute of the hub's principal comes from in a token. */
import type { Principal } from "@hub/contracts";

/**
 * Where a value sits in a token's payload.
 * - A string that is a top-level claim name is that claim, so namespaced names with dots
 *   (`https://hub.example.gov/agency`) are read whole. Otherwise the string is split on dots into
 *   nested objects (`realm_access.roles`). A token carrying both readings at once is refused as
 *   ambiguous rather than one of them guessed.
 * - An array gives the segments explicitly, for keys that contain dots themselves
 *   (`["resource_access", "hub.example.gov", "roles"]`). Nothing is split.
 * Only own properties of plain objects are followed: never array indexes, never the prototype.
 */
export type ClaimPath = string | readonly string[];

/** How strictly a claim's JSON shape is taken. */
export type ClaimForm =
  /** A single value must be a JSON string and a list a JSON array of strings: nothing is split or unwrapped. */
  | "strict"
  /** A single value may also be an array with one usable value; a list may be a space-separated string. */
  | "lenient";

/** Where one attribute comes from. */
export interface ClaimRule {
  /**
   * The claim: one path as a string, or a list of alternatives of which the first present wins.
   * In a list, a path given by segments is an array inside it: `[["resource_access", "hub", "roles"]]`.
   * (A top-level array of strings is always alternatives, never segments.)
   */
  claim?: string | readonly ClaimPath[];
  /** A constant instead of a claim (for example the country of an issuer that serves one authority). */
  value?: string;
  /** Applied to each value after the prefix is stripped and before aliases. */
  case?: "upper" | "lower";
  /** Value translation after case; keys are compared after the same case, so they may be written either way. */
  aliases?: Readonly<Record<string, string>>;
  /**
   * Keep only values beginning with this prefix (compared exactly), stripped of it. With a prefix a
   * string claim is read as a space-separated list (an OAuth `scope`), even for a single attribute.
   */
  prefix?: string;
  /** Default "lenient". */
  form?: ClaimForm;
}

/** Purposes granted by OAuth scopes: the claim (`scope`: space-separated string; Entra `scp`; arrays too) and a prefix. */
export interface ScopeRule {
  /** As in ClaimRule: one path, or alternatives of which the first present wins. */
  claim: string | readonly ClaimPath[];
  /** Only scope values with this prefix speak of purposes; others (`openid`, `profile`) are not the hub's. */
  prefix: string;
  case?: "upper" | "lower";
  aliases?: Readonly<Record<string, string>>;
}

export interface ClaimMapping {
  subject: ClaimRule;
  agency: ClaimRule;
  authority: ClaimRule;
  role: ClaimRule;
  purposes: ClaimRule;
  country: ClaimRule;
  cases: ClaimRule;
  clientId: ClaimRule;
  /** A claim naming the officer a calling system acts for (besides RFC 8693 `act`, which is always read). */
  officer: ClaimRule | null;
  scopes: ScopeRule | null;
}

export interface MappedCaller {
  /** Validated with principalSchema; its subject is the calling system when the token is delegated. */
  principal: Principal;
  clientId: string | null;
  /** The officer the calling system acts for. */
  onBehalfOf: string | null;
  /** How the delegation was stated: the `act` claim (RFC 8693) or a configured officer claim. */
  delegation: "act" | "claim" | null;
}

/** The attributes a mapping names, as they appear in refusals and configuration. */
export type MappedAttribute = Exclude<keyof ClaimMapping, "scopes">;
