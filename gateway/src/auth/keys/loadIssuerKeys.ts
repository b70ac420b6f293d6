/** One read of an issuer's signing keys from its source: discovery then JWKS, a JWKS URL, or a file. */
import type { JWK } from "jose";
import { describeValue } from "./describeValue";
import { fetchBoundedJson, readBoundedJsonFile } from "./fetchBoundedJson";
import type { KeySource } from "./KeyCacheSettings";
import { KeySourceError } from "./keyErrors";
import { discoveryUrl, providerUrl } from "./providerUrl";
import { selectSigningKeys } from "./selectSigningKeys";

export interface LoadedKeys {
  keys: JWK[];
  /** The key set's URL (discovered or configured); null for a file. */
  jwksUri: string | null;
}

/** Throws a KeySourceError (one line, safe to log) when the keys cannot be read or are unusable. */
export async function loadIssuerKeys(
  issuer: string,
  source: KeySource,
  algorithms: readonly string[],
  timeoutMs: number,
): Promise<LoadedKeys> {
  switch (source.kind) {
    case "file": {
      const document = await readBoundedJsonFile(source.path);
      return { keys: selectSigningKeys(document, algorithms, `key file ${source.path}`), jwksUri: null };
    }
    case "jwks-url":
      return fetchKeySet(providerUrl(source.url.href, "JWKS URL"), algorithms, timeoutMs);
    case "discovery":
      return fetchKeySet(await discoverJwksUri(issuer, timeoutMs), algorithms, timeoutMs);
  }
}

async function fetchKeySet(url: URL, algorithms: readonly string[], timeoutMs: number): Promise<LoadedKeys> {
  const document = await fetchBoundedJson(url, "key set", timeoutMs);
  return { keys: selectSigningKeys(document, algorithms, `key set at ${url.href}`), jwksUri: url.href };
}

/**
 * The provider's `jwks_uri`, read from its discovery document. The document must name exactly the
 * configured issuer (OpenID Connect Discovery 1.0, section 4.3): otherwise its keys would vouch
 * for tokens of another issuer.
 */
async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<URL> {
  const url = discoveryUrl(issuer);
  const document = await fetchBoundedJson(url, "discovery document", timeoutMs);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new KeySourceError(`The discovery document at ${url.href} is not a JSON object.`);
  }
  const { issuer: named, jwks_uri: jwksUri } = document as Record<string, unknown>;
  if (named !== issuer) {
    throw new KeySourceError(
      `Mismatched issuer: the discovery document at ${url.href} names ${describeValue(named)}, not the configured ${describeValue(issuer)}.`,
    );
  }
  if (typeof jwksUri !== "string") {
    throw new KeySourceError(`The discovery document at ${url.href} has no jwks_uri.`);
  }
  return providerUrl(jwksUri, `jwks_uri of the discovery document at ${url.href}`);
}
