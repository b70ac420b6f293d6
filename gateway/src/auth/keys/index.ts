/** The keys of trusted issuers: what the token verifier, /readyz and the admin commands use. */
export { IssuerKeys } from "./IssuerKeys";
export type { IssuerKeysOptions } from "./IssuerKeys";
export { DEFAULT_KEY_CACHE, keyCacheSettings } from "./KeyCacheSettings";
export type { KeyCacheSettings, KeySetStatus, KeySource } from "./KeyCacheSettings";
export { KeyDistrusted, KeySourceError, KeysUnavailable } from "./keyErrors";
export { discoveryUrl, providerUrl } from "./providerUrl";
export { MAX_KEY_DOCUMENT_BYTES } from "./fetchBoundedJson";
