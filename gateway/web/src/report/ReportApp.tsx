/** The migration-profile report page (/report/): sign-in and purpose, then the chosen year's profile. */
import { HubNav } from "../shared/HubNav";
import { PurposeSelect } from "../shared/PurposeSelect";
import { usePageSession } from "../shared/usePageSession";
import { SignIn } from "../shared/SignIn";
import { ProfileReport } from "./ProfileReport";

function Intro() {
  return (
    <section className="report-intro" data-testid="report-intro">
      <h2>The national migration profile, built through the hub</h2>
      <p>
        The National Statistics Office&apos;s analysts (purpose <code>OFFICIAL_STATISTICS</code> or{" "}
        <code>RESEARCH</code>) read here a year&apos;s migration profile under a government-adopted template: each
        indicator by sex, with its age groups, citizenships, regions, months and breakdowns, as the Border Police and
        the Migration Service released them after disclosure control. The profile prints, and exports as SDMX-CSV.
      </p>
      <p>Sign in above to begin.</p>
    </section>
  );
}

export function ReportApp() {
  const { token, purpose, setPurpose, signedIn, signedOut } = usePageSession();

  return (
    <>
      <a className="skip-link" href="#report-main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__title">
          <p className="app-header__hub">Migration Data Exchange Hub</p>
          <h1>Migration profile</h1>
        </div>
        <HubNav current="report" />
        <SignIn defaultPersona="statistician" onSignedIn={signedIn} onSignedOut={signedOut} />
        {token ? <PurposeSelect token={token} value={purpose} onChange={setPurpose} /> : null}
      </header>
      <main id="report-main" className="report" tabIndex={-1}>
        {token ? <ProfileReport key={`${token}|${purpose}`} purpose={purpose} /> : <Intro />}
      </main>
    </>
  );
}
