/** Requests and denials per agency and per purpose over time, from `auditStatistics` (aggregated by the audit subgraph). */
import { useId, useMemo, useState } from "react";
import { chartModel } from "./chartData";
import { chooseBucket } from "./filters";
import { ProblemMessage } from "./ProblemMessage";
import { STATISTICS, type AuditEventFilter, type Bucket, type StatisticsBucket } from "./queries";
import { StackedBarChart } from "./StackedBarChart";
import { useQuery } from "../shared/useQuery";

type BucketChoice = "AUTO" | Bucket;

export function AuditCharts({ filter, purpose }: { filter: AuditEventFilter; purpose: string }) {
  const id = useId();
  const [choice, setChoice] = useState<BucketChoice>("AUTO");
  const bucket = choice === "AUTO" ? chooseBucket(filter) : choice;
  const { loading, data, problem, reload } = useQuery<{ auditStatistics: StatisticsBucket[] }>(
    STATISTICS,
    { filter, bucket },
    purpose,
  );
  const rows = data?.auditStatistics;
  const charts = useMemo(
    () =>
      rows
        ? [
            { title: "Requests per agency", model: chartModel(rows, "agency", "requests", bucket), unit: "requests" },
            { title: "Denials per agency", model: chartModel(rows, "agency", "denials", bucket), unit: "denials" },
            { title: "Requests per purpose", model: chartModel(rows, "purpose", "requests", bucket), unit: "requests" },
            { title: "Denials per purpose", model: chartModel(rows, "purpose", "denials", bucket), unit: "denials" },
          ]
        : [],
    [rows, bucket],
  );

  return (
    <section className="panel charts" aria-labelledby={`${id}-heading`} data-testid="audit-charts" aria-busy={loading}>
      <div className="panel__head">
        <h2 id={`${id}-heading`}>Requests and denials over time</h2>
        <div className="field field--inline no-print">
          <label htmlFor={`${id}-bucket`}>Bars per</label>
          <select
            id={`${id}-bucket`}
            data-testid="chart-bucket"
            value={choice}
            onChange={(e) => setChoice(e.target.value as BucketChoice)}
          >
            <option value="AUTO">{`automatic (${chooseBucket(filter) === "HOUR" ? "hour" : "day"})`}</option>
            <option value="HOUR">hour</option>
            <option value="DAY">day</option>
          </select>
        </div>
      </div>
      <p className="notice">
        Denials are requests refused by policy (DENIED) or served in part (PARTIAL: fields removed or records withheld).{" "}
        {bucket === "HOUR" ? "Hours are shown in your time zone." : "Days are UTC days."}
      </p>
      {loading ? <p className="notice">Loading statistics…</p> : null}
      {problem ? <ProblemMessage problem={problem} onRetry={reload} /> : null}
      {!loading && !problem ? (
        <div className="charts__grid">
          {charts.map((c) => (
            <StackedBarChart key={c.title} title={c.title} model={c.model} hourly={bucket === "HOUR"} unit={c.unit} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
