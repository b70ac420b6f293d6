/**
 * The data-protection officer's subject access report (R9-1): every disclosure of one person's data,
 * laid out to be printed or saved as PDF and handed to the person. Held in memory only.
 */
import { useId, useState, type FormEvent } from "react";
import { formatTime, listOrDash, orDash, timeZone } from "./format";
import { ProblemMessage } from "./ProblemMessage";
import { SUBJECT_ACCESS_REPORT, type SubjectAccessReport as Report } from "./queries";
import { ask, type Problem } from "../shared/request";
import { HUB_NAME } from "./vocabulary";

function ReportDocument({ report }: { report: Report }) {
  const count = report.disclosures.length;
  return (
    <article className="sar-report" data-testid="sar-report" aria-labelledby="sar-title">
      <header className="sar-report__head">
        <p className="sar-report__hub">{HUB_NAME}</p>
        <h2 id="sar-title">Subject access report</h2>
        <dl className="facts">
          <dt>Person (personRef)</dt>
          <dd data-testid="sar-person-ref">
            <code>{report.personRef}</code>
          </dd>
          <dt>Generated</dt>
          <dd>
            <time dateTime={report.generatedAt}>{formatTime(report.generatedAt)}</time> ({timeZone()})
          </dd>
          <dt>Disclosures</dt>
          <dd>{count}</dd>
        </dl>
        <p>
          Every disclosure of this person's data through the hub recorded in its tamper-evident audit log, oldest first:
          when, to which agency or foreign authority and in which country, for what purpose, which categories of data
          and on which legal basis (Convention 108+ Art. 9(1)(b)). The individual officials who received the data are
          not named.
        </p>
      </header>
      {count === 0 ? (
        <p data-testid="sar-empty">No disclosure of this person's data is recorded.</p>
      ) : (
        <table className="sar-report__table">
          <caption className="visually-hidden">Disclosures of {report.personRef}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Recipient</th>
              <th scope="col">Country</th>
              <th scope="col">Purpose</th>
              <th scope="col">Data categories</th>
              <th scope="col">Legal basis</th>
            </tr>
          </thead>
          <tbody>
            {report.disclosures.map((d, i) => (
              <tr key={`${d.occurredAt}-${i}`} data-testid="sar-disclosure">
                <td>
                  <time dateTime={d.occurredAt}>{formatTime(d.occurredAt)}</time>
                </td>
                <td data-testid="sar-recipient">
                  {orDash(d.authority ?? d.agency)}
                  {d.authorityName ? <span className="sar-report__role"> {d.authorityName}</span> : null}
                  {d.role ? <span className="sar-report__role"> ({d.role})</span> : null}
                </td>
                <td data-testid="sar-country">{orDash(d.country)}</td>
                <td>{orDash(d.purpose)}</td>
                <td>{listOrDash(d.categories)}</td>
                <td>
                  {d.legalBasis.length ? (
                    <ul className="plain-list">
                      {d.legalBasis.map((basis) => (
                        <li key={basis}>{basis}</li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                  {d.agreements.length ? (
                    <p className="sar-report__agreements">
                      Agreement{d.agreements.length === 1 ? "" : "s"}:{" "}
                      {d.agreements.map((a) => (a.title ? `${a.title} (${a.id})` : a.id)).join("; ")}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function SubjectAccessReport({ purpose }: { purpose: string }) {
  const id = useId();
  const [personRef, setPersonRef] = useState("");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ref = personRef.trim();
    if (!ref) return;
    setBusy(true);
    setProblem(null);
    setReport(null);
    const answer = await ask<{ subjectAccessReport: Report }>(SUBJECT_ACCESS_REPORT, { personRef: ref }, purpose);
    setBusy(false);
    if (answer.ok) setReport(answer.data.subjectAccessReport);
    else setProblem(answer.problem);
  };

  return (
    <section className="panel sar" aria-labelledby={`${id}-heading`}>
      <div className="no-print">
        <h2 id={`${id}-heading`}>Subject access request</h2>
        <p className="notice">
          Enter the personRef of the person who asked. The report lists each disclosure of their data; criminal
          investigations appear once their disclosure date has passed (R11-1).
        </p>
        <form className="sar__form" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={`${id}-ref`}>Person (personRef)</label>
            <input
              id={`${id}-ref`}
              type="text"
              data-testid="sar-person"
              value={personRef}
              autoComplete="off"
              spellCheck={false}
              required
              onChange={(e) => setPersonRef(e.target.value)}
            />
          </div>
          <button type="submit" data-testid="sar-submit" disabled={busy || !personRef.trim()}>
            {busy ? "Preparing…" : "Prepare report"}
          </button>
          {report ? (
            <button type="button" className="secondary" data-testid="sar-print" onClick={() => window.print()}>
              Print or save as PDF
            </button>
          ) : null}
        </form>
        <p className="notice" aria-live="polite">
          {busy ? "Preparing the report…" : report ? `Report ready: ${report.disclosures.length} disclosure(s).` : ""}
        </p>
      </div>
      {problem ? <ProblemMessage problem={problem} /> : null}
      {report ? <ReportDocument report={report} /> : null}
    </section>
  );
}
