/** Compares a proof's `htu` with the URL a request was sent to, as RFC 9449 §4.3 asks. */

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * RFC 3986 §6.2.2 and §6.2.3 normalisation, which RFC 9449 §4.3 recommends before comparing: the URL class
 * lower-cases the scheme and host, drops a default port, resolves dot segments and gives an empty path as
 * "/"; percent-encodings are then given upper-case hex, and decoded where they stand for an unreserved
 * character. Query and fragment are not part of the comparison. Only http and https are targets.
 */
function normalised(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const path = url.pathname.replace(/%[0-9A-Fa-f]{2}/g, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
  const userinfo = url.username || url.password ? `${url.username}:${url.password}@` : "";
  return `${url.protocol}//${userinfo}${url.host}${path}`;
}

/** True when `htu` names the same resource as `requestUrl`, ignoring both URLs' query and fragment. */
export function sameTargetUri(htu: string, requestUrl: string): boolean {
  const claimed = normalised(htu);
  return claimed !== undefined && claimed === normalised(requestUrl);
}
