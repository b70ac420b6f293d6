/** The auditor's view of the log: filters, chain status, export, charts and the timeline, all for one filter. */
import { useMemo, useState } from "react";
import { AuditCharts } from "./AuditCharts";
import { ChainStatus } from "./ChainStatus";
import { ExportButton } from "./ExportButton";
import { FilterBar } from "./FilterBar";
import { EMPTY_FILTER, toFilter, type FilterValues } from "./filters";
import { ProblemMessage } from "./ProblemMessage";
import { isAccessProblem } from "../shared/request";
import { Timeline } from "./Timeline";
import { useTimeline } from "./useTimeline";

export function AuditLog({ purpose, who }: { purpose: string; who: string }) {
  const [values, setValues] = useState<FilterValues>(EMPTY_FILTER);
  const filter = useMemo(() => toFilter(values), [values]);
  const timeline = useTimeline(filter, purpose);
  // The other panels ask only once the log has answered: a refused caller is refused once, not four times.
  const answered = timeline.totalCount !== null;

  if (!answered && timeline.problem && isAccessProblem(timeline.problem)) {
    return (
      <div data-testid="console-forbidden">
        <ProblemMessage problem={timeline.problem} who={who} />
      </div>
    );
  }

  return (
    <>
      <FilterBar applied={values} onApply={setValues} />
      {answered ? (
        <div className="overview">
          <ChainStatus from={filter.from} to={filter.to} purpose={purpose} />
          <ExportButton filter={filter} purpose={purpose} />
        </div>
      ) : null}
      {answered ? <AuditCharts filter={filter} purpose={purpose} /> : null}
      <Timeline timeline={timeline} purpose={purpose} />
    </>
  );
}
