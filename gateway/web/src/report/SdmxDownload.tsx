/** "Download SDMX-CSV": the profile, or one indicator, as the Statistics Office exports it (`migrationProfileSdmx`), saved as a .csv file. */
import { useState } from "react";
import { download } from "../shared/download";
import { ask, type Problem } from "../shared/request";
import { MIGRATION_PROFILE_SDMX } from "./queries";
import { ReportProblem } from "./ReportProblem";

export interface SdmxDownloadProps {
  year: number;
  template: string;
  /** One indicator's code; the whole profile when absent. */
  indicator?: string;
  purpose: string;
  label: string;
}

export function sdmxFileName(year: number, template: string, indicator?: string): string {
  return `migration-profile_${template}_${year}${indicator ? `_${indicator}` : ""}.csv`;
}

export function SdmxDownload({ year, template, indicator, purpose, label }: SdmxDownloadProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    setStatus("Preparing the SDMX-CSV file…");
    const answer = await ask<{ migrationProfileSdmx: string | null }>(
      MIGRATION_PROFILE_SDMX,
      // An explicit null asks for the whole profile (the field reads null so, not an absent argument).
      { year, template, indicator: indicator ?? null },
      purpose,
    );
    setBusy(false);
    if (!answer.ok) {
      setStatus("");
      setProblem(answer.problem);
      return;
    }
    const csv = answer.data.migrationProfileSdmx;
    if (csv === null) {
      setStatus("Nothing to export: no figures were pulled for this year.");
      return;
    }
    const name = sdmxFileName(year, template, indicator);
    download(csv, name, "text/csv;charset=utf-8");
    setStatus(`Saved ${name}.`);
  };

  return (
    <div className="sdmx no-print">
      <button
        type="button"
        className="secondary"
        data-testid={indicator ? `sdmx-${indicator}` : "sdmx-profile"}
        disabled={busy}
        onClick={() => void save()}
      >
        {busy ? "Exporting…" : label}
      </button>
      <span className="notice" aria-live="polite">
        {status}
      </span>
      {problem ? <ReportProblem problem={problem} /> : null}
    </div>
  );
}
