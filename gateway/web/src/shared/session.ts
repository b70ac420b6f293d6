/**
 * The browser session: the identity token and the declared purpose, kept only in sessionStorage
 * (closed with the tab). Nothing else about persons is ever written to browser storage.
 */

export const TOKEN_KEY = "hub.session.token";
export const PURPOSE_KEY = "hub.session.purpose";

/** What the pages read from a token's payload; the gateway verifies it, the browser only displays it. */
export interface Claims {
  sub: string;
  agency: string;
  role: string;
  purposes: string[];
  country: string;
  exp: number;
}

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

export function getPurpose(): string | null {
  return sessionStorage.getItem(PURPOSE_KEY);
}

export function setPurpose(purpose: string): void {
  sessionStorage.setItem(PURPOSE_KEY, purpose);
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(PURPOSE_KEY);
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Decodes a JWT's payload without verifying it (display only); null when it is not a JWT. */
export function claimsOf(token: string | null): Claims | null {
  const payload = token?.trim().split(".")[1];
  if (!payload) return null;
  try {
    const raw = JSON.parse(decodeBase64Url(payload)) as Record<string, unknown>;
    // Claims may carry a namespace prefix (HUB_CLAIM_NAMESPACE): match on the suffix.
    const claim = (name: string): unknown =>
      raw[name] ?? Object.entries(raw).find(([key]) => key.endsWith(`/${name}`) || key.endsWith(`:${name}`))?.[1];
    const purposes = claim("purposes");
    return {
      sub: typeof raw.sub === "string" ? raw.sub : "",
      // A foreign caller's token names its authority instead of an agency (R14-2).
      agency: String(claim("agency") ?? claim("authority") ?? ""),
      role: String(claim("role") ?? ""),
      purposes: Array.isArray(purposes) ? purposes.map(String) : [],
      country: String(claim("country") ?? ""),
      exp: typeof raw.exp === "number" ? raw.exp : 0,
    };
  } catch {
    return null;
  }
}

/** True when the token's `exp` lies in the past (by the browser's clock). */
export function isExpired(claims: Claims, now = Date.now()): boolean {
  return claims.exp > 0 && claims.exp * 1000 <= now;
}
