/**
 * The oidc-provider instance: client credentials and token exchange for the agency clients, JWT
 * access tokens for the hub (RFC 9068: typ at+jwt, ES256, aud the hub), DPoP binding, and the hub
 * claims each client's tokens carry. No end user signs in here: there are no interactive flows.
 *
 * oidc-provider is ESM-only; this workspace stays CommonJS like the rest of the hub and loads it
 * through Node's require(esm) (Node >= 20.19, the hub's engines floor), as the gateway loads jose.
 * oidc-provider 9 names Node 22 LTS as its supported runtime and prints one warning on Node 20;
 * the tests exercise every path this provider uses on the Node the hub runs on.
 */
import { randomBytes } from "node:crypto";
import { Provider, errors, type ClientMetadata, type Configuration, type ResourceServer } from "oidc-provider";
import { AGENCY_CLIENTS, hubClaims, PURPOSE_SCOPES, purposeScope } from "./agencyClients";
import type { IdentityProviderConfig } from "./config";
import { SIGNING_ALGORITHM, type PrivateSigningKey } from "./signingKeys";
import { officerOf, TOKEN_EXCHANGE_DUPLICATES, TOKEN_EXCHANGE_PARAMETERS, tokenExchangeHandler } from "./tokenExchange";
import { TOKEN_EXCHANGE_GRANT } from "./tokenTypes";

/** Client metadata of ours: the hub claims of the client's tokens (a real provider's client attributes). */
const HUB_CLAIMS = "hub_claims";

export interface ProviderInputs {
  config: IdentityProviderConfig;
  /** Newest first: the first signs. */
  keys: PrivateSigningKey[];
  secrets: Record<string, string>;
}

function clientMetadata(config: IdentityProviderConfig, secrets: Record<string, string>): ClientMetadata[] {
  return AGENCY_CLIENTS.map((client) => {
    const secret = secrets[client.clientId];
    if (!secret) throw new Error(`no secret for client ${client.clientId}`);
    return {
      client_id: client.clientId,
      client_secret: secret,
      client_name: client.description,
      grant_types: ["client_credentials", TOKEN_EXCHANGE_GRANT],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_basic",
      // The purposes this system may ask for; a request for any other scope is refused.
      scope: client.purposes.map(purposeScope).join(" "),
      [HUB_CLAIMS]: hubClaims(client, config.country, config.purposesClaim),
    };
  });
}

export function createIdentityProvider({ config, keys, secrets }: ProviderInputs): Provider {
  const hubResource = (scope: string): ResourceServer => ({
    scope,
    audience: config.audience,
    accessTokenFormat: "jwt",
    accessTokenTTL: config.tokenTtlSeconds,
    jwt: { sign: { alg: SIGNING_ALGORITHM } },
  });
  const configuration: Configuration = {
    clients: clientMetadata(config, secrets),
    clientAuthMethods: ["client_secret_basic"],
    // Machine clients only: nothing is issued from the authorization endpoint.
    responseTypes: ["none"],
    clientDefaults: {
      grant_types: ["client_credentials"],
      response_types: [],
      token_endpoint_auth_method: "client_secret_basic",
      id_token_signed_response_alg: SIGNING_ALGORITHM,
    },
    // Listed here (not only on the resource) so that a client asking for a purpose it was not given is refused.
    scopes: ["openid", ...PURPOSE_SCOPES],
    extraClientMetadata: {
      properties: [HUB_CLAIMS],
      validator(_ctx, key, value) {
        if (key === HUB_CLAIMS && (typeof value !== "object" || value === null || Array.isArray(value))) {
          throw new errors.InvalidClientMetadata(`${HUB_CLAIMS} must be an object`);
        }
      },
    },
    features: {
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // A client that names no resource gets a token for the hub, the only resource here.
        defaultResource: () => config.resource,
        getResourceServerInfo: (_ctx, indicator, client) => {
          if (indicator !== config.resource) throw new errors.InvalidTarget("unknown resource");
          return hubResource(client.scope ?? "");
        },
        useGrantedResource: () => true,
      },
      dPoP: { enabled: true },
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: false },
    },
    jwks: { keys },
    ttl: { ClientCredentials: config.tokenTtlSeconds },
    extraTokenClaims: (_ctx, token) => {
      const claims = token.client?.metadata()[HUB_CLAIMS];
      return typeof claims === "object" && claims !== null ? { ...(claims as Record<string, unknown>) } : undefined;
    },
    formats: {
      customizers: {
        // An exchanged token is the officer's, acted on by the system (RFC 8693 §4.1).
        jwt: (_ctx, token, jwt) => {
          const officer = officerOf(token);
          if (officer === undefined) return;
          jwt.payload.act = { sub: jwt.payload.client_id };
          jwt.payload.sub = officer;
        },
      },
    },
    // No end user signs in here; the cookies of interactive flows are never set, the keys only satisfy the library.
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    findAccount: () => undefined,
  };
  const provider = new Provider(config.issuer, configuration);
  provider.registerGrantType(
    TOKEN_EXCHANGE_GRANT,
    tokenExchangeHandler({
      resource: config.resource,
      audience: config.audience,
      resourceServer: hubResource(PURPOSE_SCOPES.join(" ")),
    }),
    TOKEN_EXCHANGE_PARAMETERS,
    TOKEN_EXCHANGE_DUPLICATES,
  );
  return provider;
}
