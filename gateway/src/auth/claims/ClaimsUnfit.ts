/** The refusal of a verified token whose claims do not describe a hub caller: which attribute, why, from which claim. */

export type ClaimsUnfitReason =
  /** The attribute is required and no configured claim gives a usable value. */
  | "missing"
  /** The claim has the wrong JSON type, an empty value, or a value outside the hub's vocabulary. */
  | "invalid"
  /** A single-valued attribute has more than one value: the hub never picks one. */
  | "ambiguous"
  /** A list longer than the hub reads (a bound on work per token). */
  | "too-many"
  /** A purpose code the hub does not know, in the purposes claim or in a prefixed scope. */
  | "unknown-purpose"
  /** The token carries scopes, and they grant none of its purposes. */
  | "no-purpose-in-scope"
  /** The token names both a domestic agency and a foreign authority (R14-2). */
  | "conflict"
  /** A foreign authority whose id is of another country than the token's `country` (R14-2). */
  | "country-mismatch"
  /** A foreign authority of the hub's own country: a domestic agency under another name. */
  | "hub-country"
  /** The `act` claim and the officer claim name different officers. */
  | "delegation-conflict";

const PHRASES: Record<ClaimsUnfitReason, string> = {
  missing: "is missing",
  invalid: "is not valid",
  ambiguous: "has more than one value",
  "too-many": "has too many values",
  "unknown-purpose": "names a purpose the hub does not know",
  "no-purpose-in-scope": "is granted by none of the token's scopes",
  conflict: "is named beside an agency: a caller acts for one body",
  "country-mismatch": "is not of the token's country",
  "hub-country": "is the hub's own country, never a foreign authority's",
  "delegation-conflict": "names another officer than the token's act claim",
};

/**
 * Its message names the attribute and where it was read (a claim path from the configuration),
 * never a value from the token, so it can be returned to the caller and logged as it is.
 */
export class ClaimsUnfit extends Error {
  override readonly name = "ClaimsUnfit";

  constructor(
    /** The attribute (`agency`, `purposes`, `officer`, ...), `scopes`, or `act`. */
    readonly field: string,
    readonly reason: ClaimsUnfitReason,
    /** Where the hub looked, as the configuration names it: `claim "realm_access.roles"`, `a configured constant`. */
    readonly source: string,
  ) {
    super(`The token's claims do not describe a hub principal: "${field}" (${source}) ${PHRASES[reason]}.`);
  }
}
