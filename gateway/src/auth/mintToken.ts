/** Signs an access token the way the development identity provider does (persona tokens, test fixtures). */
import { SignJWT } from "jose";
import { isAgency, type Principal } from "@hub/contracts";
import type { SigningKey } from "./devKeys";

export interface MintOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
  claimNamespace?: string;
}

export function mintToken(key: SigningKey, principal: Principal, options: MintOptions): Promise<string> {
  const ns = options.claimNamespace ?? "";
  return (
    new SignJWT({
      // A foreign authority is named in its own claim, never as an agency (R14-2).
      [`${ns}${isAgency(principal.agency) ? "agency" : "authority"}`]: principal.agency,
      [`${ns}role`]: principal.role,
      [`${ns}purposes`]: principal.purposes,
      [`${ns}country`]: principal.country,
      [`${ns}cases`]: principal.cases,
    })
      // An access token in the RFC 9068 profile, as the development issuer requires.
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "at+jwt" })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(principal.subject)
      .setIssuedAt()
      .setExpirationTime(`${options.ttlSeconds}s`)
      .sign(key.key)
  );
}
