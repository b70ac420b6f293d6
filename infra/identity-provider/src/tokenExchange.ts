/**
 * RFC 8693 token exchange for delegation: an agency system, authenticated as itself, gets an
 * access token for the hub on behalf of one of its officers, with `sub` the officer and
 * `act: { sub: <the system's client id> }` (RFC 8693 §4.1).
 *
 * This local provider trusts the system to name its officer: the subject token is the officer's
 * id itself (subject_token_type urn:migration-hub:officer-id), checked for shape only. A real
 * deployment's provider checks the officer's own token (an id or access token of the officer's
 * session) before it issues anything on the officer's behalf.
 */
import { errors, type ResourceServer, type TokenEndpointGrantContext } from "oidc-provider";
import { ACCESS_TOKEN_TYPE, OFFICER_ID_TOKEN_TYPE } from "./tokenTypes";

export const TOKEN_EXCHANGE_PARAMETERS = [
  "audience",
  "resource",
  "scope",
  "requested_token_type",
  "subject_token",
  "subject_token_type",
  "actor_token",
  "actor_token_type",
] as const;
export const TOKEN_EXCHANGE_DUPLICATES = ["audience", "resource"] as const;

const OFFICER_ID = /^[A-Za-z0-9._-]{1,100}$/;

type ExchangeParameters = Partial<Record<(typeof TOKEN_EXCHANGE_PARAMETERS)[number], string | string[]>>;

/** The officer each exchanged token was issued for, read back when the token is formatted. */
const officers = new WeakMap<object, string>();
export const officerOf = (token: object): string | undefined => officers.get(token);

function single(value: string | string[] | undefined, name: string): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw new errors.InvalidTarget(`only one ${name} value is supported`);
    return value[0];
  }
  return value;
}

export function tokenExchangeHandler(hub: { resource: string; audience: string; resourceServer: ResourceServer }) {
  return async (ctx: TokenEndpointGrantContext<ExchangeParameters>): Promise<void> => {
    const { client, params, provider } = ctx.oidc;
    // Refused rather than ignored: a client that sent a proof expects a bound token, never a bearer one.
    if (ctx.get("DPoP")) {
      throw new errors.InvalidRequest("DPoP is not supported for token exchange by this provider");
    }
    if (single(params.subject_token_type, "subject_token_type") !== OFFICER_ID_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`subject_token_type must be ${OFFICER_ID_TOKEN_TYPE}`);
    }
    const officer = single(params.subject_token, "subject_token") ?? "";
    if (!OFFICER_ID.test(officer)) {
      throw new errors.InvalidRequest("subject_token must be an officer id (1-100 letters, digits, '.', '_' or '-')");
    }
    if (params.actor_token !== undefined || params.actor_token_type !== undefined) {
      throw new errors.InvalidRequest("actor_token is not supported: the authenticated client is the actor");
    }
    const requested = single(params.requested_token_type, "requested_token_type");
    if (requested !== undefined && requested !== ACCESS_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`requested_token_type must be ${ACCESS_TOKEN_TYPE}`);
    }
    const resource = single(params.resource, "resource");
    if (resource !== undefined && resource !== hub.resource) throw new errors.InvalidTarget("unknown resource");
    const audience = single(params.audience, "audience");
    if (audience !== undefined && audience !== hub.audience) throw new errors.InvalidTarget("unknown audience");

    const scopes = [...new Set((single(params.scope, "scope") ?? "").split(" ").filter(Boolean))];
    const allowed = new Set(client.scope?.split(" ") ?? []);
    for (const scope of scopes) {
      if (!allowed.has(scope)) throw new errors.InvalidScope("requested scope is not allowed", scope);
    }

    const token = new provider.ClientCredentials({ client, scope: scopes.join(" ") || undefined });
    token.resourceServer = new provider.ResourceServer(hub.resource, hub.resourceServer);
    officers.set(token, officer);
    ctx.oidc.entity("ClientCredentials", token);
    const value = await token.save();
    ctx.body = {
      access_token: value,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: token.tokenType,
      expires_in: token.expiration,
      ...(token.scope ? { scope: token.scope } : {}),
    };
  };
}
