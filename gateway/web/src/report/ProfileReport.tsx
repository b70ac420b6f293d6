/**
 * The signed-in part of the report page: the templates, the chosen year's profile, or why there is
 * none. The choice lives in the page address (reportParams).
 */
import { useState } from "react";
import { useQuery } from "../shared/useQuery";
import { ProfileChooser, templateOf } from "./ProfileChooser";
import { ProfileView } from "./ProfileView";
import { MIGRATION_PROFILE, PROFILE_TEMPLATES, type ProfileAnswer, type ProfileTemplate } from "./queries";
import { choiceSearch, readChoice, type ReportChoice } from "./reportParams";
import { ReportProblem } from "./ReportProblem";

function Profile({ choice, purpose }: { choice: ReportChoice; purpose: string }) {
  const { loading, data, problem, reload } = useQuery<ProfileAnswer>(
    MIGRATION_PROFILE,
    { year: choice.year, template: choice.template },
    purpose,
  );
  if (loading)
    return (
      <p className="notice" role="status" data-testid="profile-loading">
        Loading the {choice.year} profile…
      </p>
    );
  if (problem) return <ReportProblem problem={problem} onRetry={reload} />;
  if (!data?.migrationProfile)
    return (
      <section className="report-empty" data-testid="no-profile" aria-live="polite">
        <h2>No profile for {choice.year} yet</h2>
        <p>
          The Statistics Office has not pulled the aggregates for {choice.year} under this template. Its profile service
          pulls them through the hub with{" "}
          <code>
            npm run profile -- --year {choice.year} --template {choice.template}
          </code>
          ; choose another year, or ask the Statistics Office to run the pull.
        </p>
      </section>
    );
  return <ProfileView profile={data.migrationProfile} regions={data.regions} purpose={purpose} />;
}

export function ProfileReport({ purpose }: { purpose: string }) {
  const templates = useQuery<{ profileTemplates: ProfileTemplate[] }>(PROFILE_TEMPLATES, {}, purpose);
  const [wanted, setWanted] = useState(() => readChoice(window.location.search));

  if (templates.loading) return <p className="notice">Loading the profile templates…</p>;
  if (templates.problem) return <ReportProblem problem={templates.problem} onRetry={templates.reload} />;
  const list = templates.data?.profileTemplates ?? [];
  if (list.length === 0) return <p className="notice">The Statistics Office serves no profile template.</p>;
  const choice = { ...wanted, template: templateOf(list, wanted.template) };

  const choose = (next: ReportChoice) => {
    window.history.replaceState(null, "", choiceSearch(next));
    setWanted(next);
  };

  return (
    <>
      <ProfileChooser templates={list} choice={choice} onChoose={choose} />
      <Profile key={`${choice.template}|${choice.year}`} choice={choice} purpose={purpose} />
    </>
  );
}
