/** The auditor console page: sign-in and purpose, then the log (AUDIT) or the subject access report (SUBJECT_ACCESS). */
import { HubNav } from "../shared/HubNav";
import { PurposeSelect } from "../shared/PurposeSelect";
import { claimsOf } from "../shared/session";
import { usePageSession } from "../shared/usePageSession";
import { SignIn } from "../shared/SignIn";
import { AlarmsPanel } from "./AlarmsPanel";
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
  const { token, purpose, setPurpose, signedIn, signedOut } = usePageSession();
  const claims = claimsOf(token);
  const who = claims ? `${claims.sub} (${claims.role}, ${claims.agency}) with purpose ${purpose || "none"}` : "you";

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
        <SignIn defaultPersona="auditor" onSignedIn={signedIn} onSignedOut={signedOut} />
        {token ? <PurposeSelect token={token} value={purpose} onChange={setPurpose} /> : null}
      </header>
      <main id="console-main" className="console" tabIndex={-1}>
        {token && (purpose === "AUDIT" || purpose === "SUBJECT_ACCESS") ? (
          <AlarmsPanel key={`alarms|${token}|${purpose}`} purpose={purpose} />
        ) : null}
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
