/** The token of an `Authorization` header (RFC 6750 Bearer, RFC 9449 DPoP), each way of getting it wrong told apart. */
import { unauthenticated } from "./TokenRefused";

export interface PresentedToken {
  scheme: "bearer" | "dpop";
  token: string;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function presentedToken(authorization: string | undefined, maxChars: number): PresentedToken {
  const value = authorization?.trim() ?? "";
  if (value === "") {
    throw unauthenticated("missing-token", "A bearer token is required (Authorization: Bearer <JWT>).");
  }
  const [scheme = "", token = "", ...rest] = value.split(/\s+/);
  const kind = scheme.toLowerCase();
  if ((kind !== "bearer" && kind !== "dpop") || rest.length > 0) {
    throw unauthenticated("wrong-scheme", 'The Authorization header must be "Bearer <JWT>" (or "DPoP <JWT>").');
  }
  if (token.length > maxChars) {
    throw unauthenticated("token-too-long", `The bearer token is longer than ${maxChars} characters.`);
  }
  if (!JWT_SHAPE.test(token)) {
    throw unauthenticated("not-a-jwt", "The bearer token is not a JWT (three base64url parts).");
  }
  return { scheme: kind, token };
}
