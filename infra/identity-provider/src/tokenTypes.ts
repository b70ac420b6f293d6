/** The RFC 8693 names this provider's token exchange speaks (kept apart so that tools need not load oidc-provider). */
export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
/** The subject token of a delegation here: the officer's id itself (see tokenExchange.ts). */
export const OFFICER_ID_TOKEN_TYPE = "urn:migration-hub:officer-id";
export const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
