/** The audit events, newest first: one row each, a click (or Enter on its button) opens the whole event. */
import { Fragment, useState } from "react";
import { ACTION_LABEL } from "./CallerIdentity";
import { EventDetail } from "./EventDetail";
import { formatTime, listOrDash, orDash, timeZone } from "./format";
import { OutcomeBadge } from "./OutcomeBadge";
import { ProblemMessage } from "./ProblemMessage";
import type { AuditEventSummary } from "./queries";
import type { Timeline as TimelineState } from "./useTimeline";

const COLUMNS = 9;

/** A refused login by its reason, denied fields, then refusals beside them: withheld records by count, a refused request by its rule. */
function Refused({ event }: { event: AuditEventSummary }) {
  const { fieldsDenied: fields, refusals, authentication } = event;
  if (fields.length === 0 && refusals.length === 0 && !authentication) return <>—</>;
  return (
    <ul className="plain-list">
      {authentication ? (
        <li data-testid="audit-login-refused">
          login <span className="rule">{authentication.reason}</span>
        </li>
      ) : null}
      {fields.map((f) => (
        <li key={`${f.field}:${f.rule ?? ""}`}>
          <code>{f.field}</code> {f.rule ? <span className="rule">{f.rule}</span> : null}
        </li>
      ))}
      {refusals.map((r, i) => (
        <li key={`refusal-${i}`} data-testid="audit-refusal">
          {r.by === "gateway" ? "request" : `${r.count} record${r.count === 1 ? "" : "s"} (${r.by})`}{" "}
          <span className="rule">{r.rule}</span>
          {r.silent ? " · silent to the caller" : null}
        </li>
      ))}
    </ul>
  );
}

export function Timeline({ timeline, purpose }: { timeline: TimelineState; purpose: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const { events, totalCount, hasNextPage, loading, loadingMore, problem } = timeline;
  const toggle = (id: string) => setOpen((current) => (current === id ? null : id));

  return (
    <section className="panel timeline" aria-labelledby="timeline-heading">
      <div className="panel__head">
        <h2 id="timeline-heading">Timeline</h2>
        <p className="notice" aria-live="polite" data-testid="timeline-status">
          {loading
            ? "Loading events…"
            : totalCount === null
              ? ""
              : `Showing ${events.length} of ${totalCount} matching event${totalCount === 1 ? "" : "s"}, newest first.`}
        </p>
      </div>
      {problem ? <ProblemMessage problem={problem} onRetry={timeline.reload} /> : null}
      <div className="table-scroll">
        <table data-testid="audit-timeline" aria-busy={loading} aria-describedby="timeline-heading">
          <thead>
            <tr>
              <th scope="col">Time ({timeZone()})</th>
              <th scope="col">Subject</th>
              <th scope="col">Agency</th>
              <th scope="col">Role</th>
              <th scope="col">Purpose</th>
              <th scope="col">Operation</th>
              <th scope="col">Outcome</th>
              <th scope="col">Refused (rule)</th>
              <th scope="col">Agreements</th>
            </tr>
          </thead>
          <tbody>
            {!loading && events.length === 0 && !problem ? (
              <tr>
                <td colSpan={COLUMNS} className="notice">
                  No events match these filters.
                </td>
              </tr>
            ) : null}
            {events.map((e) => {
              const expanded = open === e.id;
              const detailId = `event-detail-${e.id}`;
              return (
                <Fragment key={e.id}>
                  <tr
                    data-testid="audit-event"
                    data-event-id={e.id}
                    data-outcome={e.outcome}
                    className={`timeline__row${expanded ? " timeline__row--open" : ""}`}
                    onClick={(event) => {
                      // The button handles its own click; a click elsewhere on the row does the same.
                      if (!(event.target as HTMLElement).closest("button")) toggle(e.id);
                    }}
                  >
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={expanded}
                        aria-controls={detailId}
                        title={`Event ${e.seq}: show the full record`}
                        onClick={() => toggle(e.id)}
                      >
                        <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time>
                      </button>
                    </td>
                    <td>{orDash(e.subject)}</td>
                    <td>{orDash(e.agency)}</td>
                    <td>{orDash(e.role)}</td>
                    <td>{orDash(e.purpose)}</td>
                    <td>
                      {e.administration ? (
                        <span data-testid="audit-administration">
                          {ACTION_LABEL[e.administration.action]}
                          {e.administration.keyId ? (
                            <>
                              {" "}
                              <code>{e.administration.keyId}</code>
                            </>
                          ) : null}
                        </span>
                      ) : e.operationName ? (
                        <code>{e.operationName}</code>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      <OutcomeBadge outcome={e.outcome} />
                    </td>
                    <td data-testid="denied-fields">
                      <Refused event={e} />
                    </td>
                    <td>{listOrDash(e.agreements)}</td>
                  </tr>
                  {expanded ? (
                    <tr className="timeline__detail" id={detailId}>
                      <td colSpan={COLUMNS}>
                        <EventDetail id={e.id} purpose={purpose} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {hasNextPage ? (
        <p className="timeline__more">
          <button
            type="button"
            data-testid="load-more"
            className="secondary"
            disabled={loadingMore}
            onClick={timeline.loadMore}
          >
            {loadingMore ? "Loading…" : "Load more"}
          </button>
        </p>
      ) : null}
    </section>
  );
}
