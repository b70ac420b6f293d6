/**
 * The identity search columns of an audit row (`issuer`, `client_id`, `auth_reason`): the gateway
 * writes them and the verifier recomputes them from the row's content, so both derive them here.
 */
import type { AuditEventContent } from "./AuditEvent";

export interface IdentityColumns {
  /** The issuer the event concerns: the caller's, else the refused token's configured issuer, else the administered one. */
  issuer: string | null;
  /** The verified caller's OAuth client. */
  clientId: string | null;
  /** Why authentication refused. */
  authReason: string | null;
}

export function identityColumnsOf(
  content: Pick<AuditEventContent, "caller" | "authentication" | "administration">,
): IdentityColumns {
  return {
    issuer: content.caller?.issuer ?? content.authentication?.issuer ?? content.administration?.issuer ?? null,
    clientId: content.caller?.clientId ?? null,
    authReason: content.authentication?.reason ?? null,
  };
}
