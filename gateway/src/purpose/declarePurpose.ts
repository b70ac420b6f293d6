/**
 * The declare stage (R5-1): the request's purpose is one of the closed list and one the caller's
 * token allows; a criminal investigation's authorisation reference is read (R11-1); the caller
 * chooses strict or partial mode (R5-2). A refusal names R5-1 and keeps the purpose asked for.
 */
import { ERROR_CODES, isPurpose, PURPOSES } from "@hub/contracts";
import { type Authenticated, type Declared, type Refused, refusal } from "../pipeline/stages";
import { AUTHORIZATION_REF_HEADER, parseAuthorizationRef } from "./authorizationRef";

export const PURPOSE_HEADER = "x-purpose";
/** Header that opts in to partial mode (R5-2). */
export const PARTIAL_HEADER = "x-hub-partial";

export interface RuleCitation {
  rule: string;
  article: string;
}

/** The purpose header as the audit record keeps it: the value if it could be a purpose, else null. */
export function purposeAsked(headers: Readonly<Record<string, string>>): string | null {
  const value = headers[PURPOSE_HEADER]?.trim();
  // Only a word that could be on the list is kept; anything else is the caller's noise, not a purpose.
  return value && /^[A-Z][A-Z_]{0,39}$/.test(value) ? value : null;
}

export function declarePurpose(request: Authenticated, r51: RuleCitation): Declared | Refused {
  const value = request.headers[PURPOSE_HEADER]?.trim();
  const citation = { rule: r51.rule, article: r51.article, allowedPurposes: request.principal.purposes };
  if (!value || !isPurpose(value)) {
    return refusal(
      "declare",
      request,
      "PURPOSE_REQUIRED",
      ERROR_CODES.PURPOSE_REQUIRED.status,
      `Declare the purpose of the request in the X-Purpose header, one of: ${PURPOSES.join(", ")} [${r51.rule}, ${r51.article}]`,
      citation,
    );
  }
  if (!request.principal.purposes.includes(value)) {
    return refusal(
      "declare",
      request,
      "PURPOSE_NOT_ALLOWED",
      ERROR_CODES.PURPOSE_NOT_ALLOWED.status,
      `Your token does not allow the purpose ${value} [${r51.rule}, ${r51.article}]`,
      citation,
    );
  }
  const authorization = parseAuthorizationRef(request.headers[AUTHORIZATION_REF_HEADER]);
  if (!authorization.ok) {
    return refusal(
      "declare",
      request,
      "AUTHORIZATION_REF_INVALID",
      ERROR_CODES.AUTHORIZATION_REF_INVALID.status,
      authorization.message,
    );
  }
  return {
    ...request,
    purpose: value,
    ...(authorization.value ? { authorizationRef: authorization.value } : {}),
    mode: request.headers[PARTIAL_HEADER]?.trim().toLowerCase() === "true" ? "partial" : "strict",
  };
}
