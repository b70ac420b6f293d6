/** The URLs of an identity provider the hub will fetch from: https, or http on this machine only. */
import { describeValue } from "./describeValue";
import { KeySourceError } from "./keyErrors";

/** Loopback hosts, where plain http stays on the machine (local trials and the tests). */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** `value` as a URL the hub may fetch keys from, or a KeySourceError naming `what` was wrong. */
export function providerUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new KeySourceError(`The ${what} is not a URL: ${describeValue(value)}.`);
  }
  // Credentials in a URL end up in logs and status pages; a provider's public endpoints need none.
  if (url.username !== "" || url.password !== "") {
    throw new KeySourceError(`The ${what} must not carry a user name or password.`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new KeySourceError(
    `The ${what} must be an https URL (plain http only on 127.0.0.1, ::1 or localhost), not ${describeValue(url.origin)}.`,
  );
}

/**
 * Where the provider's discovery document is (OpenID Connect Discovery 1.0, section 4): the issuer,
 * without a terminating "/", followed by /.well-known/openid-configuration. The issuer itself may
 * carry no query or fragment (section 3, `issuer`).
 */
export function discoveryUrl(issuer: string): URL {
  const url = providerUrl(issuer, "issuer");
  if (url.search !== "" || url.hash !== "") {
    throw new KeySourceError("The issuer must not carry a query or fragment (OpenID Connect Discovery, section 3).");
  }
  return new URL(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
}
