/** What an event says of identity: the verified caller, why a login was refused, and an operator's action on the keys. */
import { orDash } from "./format";
import type { Administration, Authentication, Caller } from "./queries";
import { AUTHENTICATION_REASONS } from "./vocabulary";

export const ACTION_LABEL: Record<Administration["action"], string> = {
  REFRESH_KEYS: "refreshed the keys",
  DISTRUST_KEY: "distrusted the key",
};

const DELEGATION: Record<NonNullable<Caller["delegation"]>, string> = {
  ACT: "token exchange (act claim, RFC 8693)",
  CLAIM: "officer claim",
};

const meaningOf = (reason: string): string | null =>
  Object.prototype.hasOwnProperty.call(AUTHENTICATION_REASONS, reason)
    ? AUTHENTICATION_REASONS[reason as keyof typeof AUTHENTICATION_REASONS].meaning
    : null;

export function CallerFacts({ caller }: { caller: Caller | null }) {
  if (!caller) {
    return (
      <p className="notice" data-testid="event-caller">
        Caller: no identity token verified (or an event recorded before callers were).
      </p>
    );
  }
  return (
    <section className="identity" data-testid="event-caller" aria-labelledby="event-caller-heading">
      <h3 id="event-caller-heading">Caller</h3>
      <dl className="facts">
        <dt>Issuer</dt>
        <dd>
          <code>{caller.issuer}</code>
        </dd>
        <dt>Client id</dt>
        <dd>{orDash(caller.clientId)}</dd>
        <dt>Token id</dt>
        <dd>{caller.tokenId ? <code>{caller.tokenId}</code> : "—"}</dd>
        <dt>Key id</dt>
        <dd>{caller.keyId ? <code>{caller.keyId}</code> : "—"}</dd>
        <dt>On behalf of</dt>
        <dd data-testid="caller-on-behalf-of">{orDash(caller.onBehalfOf)}</dd>
        <dt>Delegation</dt>
        <dd>{caller.delegation ? DELEGATION[caller.delegation] : "none: the system called on its own account"}</dd>
        <dt>DPoP</dt>
        <dd data-testid="caller-binding">
          {caller.binding === "DPOP" ? "yes: a key-bound token with a verified proof" : "no: a bearer token"}
        </dd>
      </dl>
    </section>
  );
}

export function LoginRefused({ authentication }: { authentication: Authentication }) {
  const meaning = meaningOf(authentication.reason);
  return (
    <div className="login-refused" role="note" data-testid="login-refused">
      <p>
        <strong>
          Authentication refused: <code>{authentication.reason}</code>
        </strong>
        {meaning ? ` (${meaning})` : null}
      </p>
      <p className="notice">
        Issuer {authentication.issuer ? <code>{authentication.issuer}</code> : "— (none the hub trusts was named)"} ·
        key id {authentication.keyId ? <code>{authentication.keyId}</code> : "—"}
      </p>
    </div>
  );
}

export function AdministrationFacts({ administration: a }: { administration: Administration }) {
  return (
    <section className="identity" data-testid="event-administration" aria-labelledby="event-administration-heading">
      <h3 id="event-administration-heading">Administration</h3>
      <p>
        <strong>{a.operator}</strong> {ACTION_LABEL[a.action]}
        {a.keyId ? (
          <>
            {" "}
            <code>{a.keyId}</code>
          </>
        ) : null}{" "}
        {/* The gateway records "*" for a command on every trusted issuer at once. */}
        of {a.issuer === "*" ? "every trusted issuer" : <code>{a.issuer}</code>}: {a.result}.
      </p>
      <p className="notice">Reason given: {orDash(a.reason)}</p>
    </section>
  );
}
