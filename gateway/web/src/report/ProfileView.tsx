/**
 * A year's migration profile as a document: the template, when and how it was pulled, the key to the
 * marks, a contents list, then every indicator. The same layout prints.
 */
import { useMemo } from "react";
import { FlagLegend } from "./FlagLegend";
import { IndicatorSection } from "./IndicatorSection";
import type { MigrationProfile, Region } from "./queries";
import { SdmxDownload } from "./SdmxDownload";

const PULLED_AT = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export interface ProfileViewProps {
  profile: MigrationProfile;
  regions: Region[];
  purpose: string;
}

export function ProfileView({ profile, regions, purpose }: ProfileViewProps) {
  const { year, template } = profile;
  const regionsByCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  return (
    <article className="profile" data-testid="profile" data-year={year} data-template={template.id}>
      <header className="profile__head">
        <p className="profile__publisher">National Statistics Office · Migration Data Exchange Hub</p>
        <h2 className="profile__title" data-testid="profile-title">
          {template.title}, {year}
        </h2>
        <p>{template.description}</p>
        {template.adoptedBy ? <p className="profile__adopted">Adopted by {template.adoptedBy}.</p> : null}
        <p className="profile__provenance" data-testid="profile-provenance">
          Built through the hub from the agencies&apos; aggregates
          {profile.pulledAt ? <> pulled on {PULLED_AT.format(new Date(profile.pulledAt))} UTC</> : null} by the
          Statistics Office&apos;s profile service (<code>svc-statistics-profile</code>, purpose OFFICIAL_STATISTICS).
          The Statistics Office never receives a record about a person: each agency counts its own records and applies
          disclosure control before a figure leaves it. Every pull is in the hub&apos;s audit log, which auditors read
          in the <a href="/audit/">auditor console</a>.
        </p>
        <FlagLegend />
        <SdmxDownload year={year} template={template.id} purpose={purpose} label="Download SDMX-CSV" />
        <nav className="profile__contents no-print" aria-label="Indicators">
          <h3>Indicators</h3>
          <ol>
            {profile.indicators.map(({ indicator }) => (
              <li key={indicator.code}>
                <a href={`#indicator-${indicator.code}`}>{indicator.name}</a>
              </li>
            ))}
          </ol>
        </nav>
      </header>
      {profile.indicators.map((entry) => (
        <IndicatorSection
          key={entry.indicator.code}
          entry={entry}
          year={year}
          template={template.id}
          purpose={purpose}
          regions={regions}
          regionsByCode={regionsByCode}
        />
      ))}
    </article>
  );
}
