/** CSV export of the current filter (`exportAuditEvents`), handed to the browser as a file through a Blob URL. */
import { useState } from "react";
import { ProblemMessage } from "./ProblemMessage";
import { EXPORT_CSV, type AuditEventFilter } from "./queries";
import { download } from "../shared/download";
import { ask, type Problem } from "../shared/request";

const fileName = () => `audit-events-${new Date().toISOString().replace(/[:.]/g, "-")}.csv`;

export function ExportButton({ filter, purpose }: { filter: AuditEventFilter; purpose: string }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);

  const exportCsv = async () => {
    setBusy(true);
    setProblem(null);
    setStatus("Preparing the export…");
    const answer = await ask<{ exportAuditEvents: string }>(EXPORT_CSV, { filter }, purpose);
    setBusy(false);
    if (!answer.ok) {
      setStatus("");
      setProblem(answer.problem);
      return;
    }
    const csv = answer.data.exportAuditEvents;
    // Records end with CRLF (RFC 4180), the header included; line breaks inside values are plain LF.
    const rows = Math.max(0, csv.split("\r\n").length - 2);
    download(csv, fileName(), "text/csv;charset=utf-8");
    setStatus(`Exported ${rows} event${rows === 1 ? "" : "s"} (oldest first).`);
  };

  return (
    <section className="panel export no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p className="notice">The events matching the filters, as CSV (at most 50,000; narrow the range for more).</p>
      <button type="button" data-testid="export-csv" disabled={busy} onClick={() => void exportCsv()}>
        {busy ? "Exporting…" : "Export CSV"}
      </button>
      <p className="notice" aria-live="polite" data-testid="export-status">
        {status}
      </p>
      {problem ? <ProblemMessage problem={problem} /> : null}
    </section>
  );
}
