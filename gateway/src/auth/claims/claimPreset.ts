/**
 * Claim mappings for the identity providers the hub is deployed with, each choice with its reason.
 * A configuration starts from one of them and replaces single attributes (claimMappingFromConfig);
 * every call builds new objects, so one issuer's changes never reach another's.
 */
import type { ClaimMapping, ClaimRule, ScopeRule } from "./ClaimMapping";

export const CLAIM_PRESET_NAMES = ["hub", "keycloak", "entra", "oidc-provider"] as const;
export type ClaimPresetName = (typeof CLAIM_PRESET_NAMES)[number];

export interface ClaimPresetOptions {
  /** Prefix of the hub's own claims (`https://hub.example.gov/`); ignored by the Entra preset, which reads app roles. */
  namespace?: string;
  /** The hub's audience at this issuer (Keycloak: the hub's client id, whose client roles are read). */
  audience: string;
}

/** A namespaced claim as one explicit segment, so the dots of a URL namespace are never taken for nesting. */
const own = (namespace: string, name: string, rule: Omit<ClaimRule, "claim"> = {}): ClaimRule => ({
  claim: [[`${namespace}${name}`]],
  ...rule,
});

/**
 * `client_id` is RFC 9068's claim (oidc-provider; Keycloak's `service_account` scope since 26.1),
 * `azp` the OpenID Connect one (Keycloak, Entra v2), `appid` Entra's v1 tokens.
 */
const clientIdRule = (): ClaimRule => ({ claim: ["client_id", "azp", "appid"] });

/** The space-separated `scope` claim (RFC 8693 4.2, RFC 9068) with a `purpose:` prefix: `scope=purpose:BORDER_CHECK` asks for one purpose. */
const purposeScopes = (): ScopeRule => ({ claim: "scope", prefix: "purpose:" });

/**
 * The hub's own tokens (the development provider, `npm run token`, and deployments that add the
 * hub's claims themselves): flat claims under the namespace, each of exactly one JSON shape, as
 * the gateway has always read them. Scopes are not read, so a token's purposes are its claim.
 */
function hub(ns: string): ClaimMapping {
  const strict = { form: "strict" } as const;
  return {
    subject: { claim: "sub", ...strict },
    agency: own(ns, "agency", strict),
    authority: own(ns, "authority", strict),
    role: own(ns, "role", strict),
    purposes: own(ns, "purposes", strict),
    country: own(ns, "country", strict),
    cases: own(ns, "cases", strict),
    clientId: { ...clientIdRule(), ...strict },
    officer: null,
    scopes: null,
  };
}

/**
 * Keycloak, client-credentials tokens of an agency system's service account.
 * - subject `sub`: the service account user's id (from the `basic` client scope since Keycloak 25).
 * - agency, authority, country, cases: flat claims that a hardcoded-claim or user-attribute
 *   protocol mapper adds (a dot in a mapper's claim name nests, so escape it as `\.` in a namespace).
 * - role: the client roles of the hub's own client, `resource_access.<audience>.roles`, exactly
 *   one. Client roles belong to the hub's client, so they mean nothing to the realm's other
 *   clients; realm roles are shared with all of them and mixed with Keycloak's own
 *   (`offline_access`, `uma_authorization`, `default-roles-<realm>`). Keycloak also adds the hub's
 *   client to `aud` when its client roles are in the token. A realm whose roles say it can map
 *   `{ claim: realm_access.roles, prefix: hub- }` instead.
 * - purposes: client scopes named `purpose:<CODE>` in `scope`: default client scopes are always
 *   granted, optional ones only when the client asks for them, so a client can down-scope a token.
 *   A flat `purposes` claim, when a mapper adds one, narrows them further.
 * - clientId: `azp` (always present), then `client_id`.
 */
function keycloak(ns: string, audience: string): ClaimMapping {
  return {
    subject: { claim: "sub" },
    agency: own(ns, "agency"),
    authority: own(ns, "authority"),
    role: { claim: [["resource_access", audience, "roles"]] },
    purposes: own(ns, "purposes"),
    country: own(ns, "country"),
    cases: own(ns, "cases"),
    clientId: { claim: ["azp", "client_id"] },
    officer: null,
    scopes: purposeScopes(),
  };
}

/**
 * Microsoft Entra ID, v2 access tokens for the hub's app registration. App-only tokens (client
 * credentials) carry the application permissions granted to the calling app in `roles` and no
 * `scp`; there is no other place an administrator can put per-client values without a claims
 * mapping policy, so everything the hub needs is an app role with a prefix:
 * `Agency.BORDER_POLICE`, `Authority.TR-PMM`, `Country.AM`, `Role.border-officer`,
 * `Purpose.BORDER_CHECK`. App role values allow letters, digits and
 * ``! # $ % & ' ( ) * + , - . / : ; < = > ? @ [ ] ^ _ ` { | } ~`` (no spaces, at most 120
 * characters); the hub's codes use only letters, digits, `_` and `-`, and what follows a prefix
 * must be a hub code (an agency, an authority id, a country, a purpose) or, for the role, 1 to 100
 * characters. One tenant serving one agency can instead give a constant: `agency: { value: BORDER_POLICE }`.
 * - subject `oid` (the service principal's object id in app-only tokens, the user's in delegated
 *   ones), then `sub`.
 * - clientId `azp` (v2), `appid` (v1).
 * - scopes: delegated tokens (an officer signed in) carry the consented delegated permissions in
 *   `scp`; those named `Purpose.<CODE>` narrow the purposes of the user's app roles.
 * - officer: Entra has no `act` claim, and an app-only token's `oid` is the application itself, so
 *   none is read; a delegated token's user is its subject and the application its clientId.
 * - cases: none (no claim carries them).
 */
function entra(): ClaimMapping {
  const role = (prefix: string): ClaimRule => ({ claim: "roles", prefix });
  return {
    subject: { claim: ["oid", "sub"] },
    agency: role("Agency."),
    authority: role("Authority."),
    role: role("Role."),
    purposes: role("Purpose."),
    country: role("Country."),
    cases: {},
    clientId: { claim: ["azp", "appid"] },
    officer: null,
    scopes: { claim: "scp", prefix: "Purpose." },
  };
}

/**
 * node-oidc-provider's RFC 9068 JWT access tokens. `sub` is the client id for client credentials
 * (the account otherwise), `client_id` and `scope` are always set, and the hub's attributes are
 * flat claims from `extraTokenClaims`. oidc-provider writes its own claims after the extra ones,
 * so an extra claim cannot replace `sub`, `client_id` or `scope`.
 */
function oidcProvider(ns: string): ClaimMapping {
  return {
    subject: { claim: "sub" },
    agency: own(ns, "agency"),
    authority: own(ns, "authority"),
    role: own(ns, "role"),
    purposes: own(ns, "purposes"),
    country: own(ns, "country"),
    cases: own(ns, "cases"),
    clientId: { claim: "client_id" },
    officer: null,
    scopes: purposeScopes(),
  };
}

export function claimPreset(name: ClaimPresetName, options: ClaimPresetOptions): ClaimMapping {
  const ns = options.namespace ?? "";
  switch (name) {
    case "hub":
      return hub(ns);
    case "keycloak":
      return keycloak(ns, options.audience);
    case "entra":
      return entra();
    case "oidc-provider":
      return oidcProvider(ns);
  }
}
