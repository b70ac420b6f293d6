/**
 * Sign-in panel shared by the explorer and the audit console: paste a token, or (demo mode only)
 * pick a persona; once signed in, show who the gateway will see and offer to sign out.
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import { demoPersonas, demoToken, type DemoPersona } from "./api";
import { claimsOf, clearSession, getToken, isExpired, setToken } from "./session";

export interface SignInProps {
  /** Called with the token once it is stored in the session. */
  onSignedIn: (token: string) => void;
  /** Called after the session was cleared. */
  onSignedOut?: () => void;
  /** Persona preselected in the demo picker (for example "auditor" in the audit console). */
  defaultPersona?: string;
}

export function SignIn({ onSignedIn, onSignedOut, defaultPersona }: SignInProps) {
  const id = useId();
  const [token, setCurrentToken] = useState<string | null>(() => getToken());
  const [pasted, setPasted] = useState("");
  const [personas, setPersonas] = useState<DemoPersona[] | null>(null);
  const [persona, setPersona] = useState(defaultPersona ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void demoPersonas().then((list) => {
      if (!live) return;
      setPersonas(list);
      if (list?.length) setPersona((p) => (list.some((x) => x.name === p) ? p : (list[0]?.name ?? "")));
    });
    return () => {
      live = false;
    };
  }, []);

  const accept = (value: string) => {
    const claims = claimsOf(value);
    if (!claims) {
      setError("This is not a JSON Web Token (three base64url parts separated by dots).");
      return;
    }
    if (isExpired(claims)) {
      setError("This token has expired; ask your identity provider for a new one.");
      return;
    }
    setToken(value);
    setCurrentToken(value.trim());
    setPasted("");
    setError(null);
    onSignedIn(value.trim());
  };

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    accept(pasted);
  };

  const submitPersona = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      accept(await demoToken(persona));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const signOut = () => {
    clearSession();
    setCurrentToken(null);
    onSignedOut?.();
  };

  const claims = claimsOf(token);
  if (token && claims) {
    return (
      <section className="signin signin--done" aria-label="Session">
        <p data-testid="signed-in-as" className="signin__who">
          Signed in as <strong>{claims.sub}</strong> · {claims.agency} · {claims.role}
          {claims.country ? ` · ${claims.country}` : ""}
          {isExpired(claims) ? <span className="badge badge--warn"> token expired</span> : null}
        </p>
        <button type="button" data-testid="signout" onClick={signOut}>
          Sign out
        </button>
      </section>
    );
  }

  return (
    <section className="signin" aria-label="Sign in">
      <form onSubmit={submitToken} className="signin__form">
        <label htmlFor={`${id}-token`}>Identity token (JWT)</label>
        <textarea
          id={`${id}-token`}
          data-testid="signin-token"
          rows={2}
          spellCheck={false}
          autoComplete="off"
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          placeholder="Paste the token from your identity provider"
        />
        <button type="submit" data-testid="signin-token-submit" disabled={!pasted.trim()}>
          Use token
        </button>
      </form>
      {personas?.length ? (
        <form onSubmit={(e) => void submitPersona(e)} className="signin__form">
          <label htmlFor={`${id}-persona`}>Demo persona</label>
          <select
            id={`${id}-persona`}
            data-testid="signin-persona"
            value={persona}
            onChange={(e) => setPersona(e.target.value)}
          >
            {personas.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} — {p.description}
              </option>
            ))}
          </select>
          <button type="submit" data-testid="signin-submit" disabled={busy || !persona}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
