/** The auditor console page: sign-in and purpose, then the log (AUDIT) or the subject access report (SUBJECT_ACCESS). */
import { useState } from "react";
import { HubNav } from "../shared/HubNav";
import { initialPurpose, PurposeSelect } from "../shared/PurposeSelect";
import { claimsOf, getToken, setPurpose as storePurpose } from "../shared/session";
import { SignIn } from "../shared/SignIn";
import { AuditLog } from "./AuditLog";
import { SubjectAccessReport } from "./SubjectAccessReport";
import { HUB_NAME } from "./vocabulary";

function Intro() {
  return (
    <section className="panel" data-testid="console-intro">
      <h2>Who this console is for</h2>
      <p>
        The hub's <strong>auditors</strong> (purpose <code>AUDIT</code>) search the tamper-evident audit log, verify its
        hash chain, chart requests and denials and export events. The <strong>data-protection officer</strong> (purpose{" "}
        <code>SUBJECT_ACCESS</code>) prepares subject access reports. Every read of the log is itself audited.
      </p>
      <p>Sign in above to begin.</p>
    </section>
  );
}

export function AuditConsole() {
  const [token, setToken] = useState<string | null>(() => getToken());
  const [purpose, setPurpose] = useState(() => initialPurpose(getToken()));
  const claims = claimsOf(token);
  const who = claims ? `${claims.sub} (${claims.role}, ${claims.agency}) with purpose ${purpose || "none"}` : "you";

  const signedIn = (next: string) => {
    const chosen = initialPurpose(next);
    if (chosen) storePurpose(chosen);
    setToken(next);
    setPurpose(chosen);
  };

  return (
    <>
      <a className="skip-link" href="#console-main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__title">
          <p className="app-header__hub">{HUB_NAME}</p>
          <h1>Auditor console</h1>
        </div>
        <HubNav current="audit" />
        <SignIn
          defaultPersona="auditor"
          onSignedIn={signedIn}
          onSignedOut={() => {
            setToken(null);
            setPurpose("");
          }}
        />
        {token ? <PurposeSelect token={token} value={purpose} onChange={setPurpose} /> : null}
      </header>
      <main id="console-main" className="console" tabIndex={-1}>
        {!token ? (
          <Intro />
        ) : purpose === "SUBJECT_ACCESS" ? (
          <SubjectAccessReport key={token} purpose={purpose} />
        ) : (
          <AuditLog key={`${token}|${purpose}`} purpose={purpose} who={who} />
        )}
      </main>
    </>
  );
}
