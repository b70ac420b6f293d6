/**
 * One audit event in full, as recorded: why a login was refused, the caller, the operation (or an
 * operator's action), every field decision, and its place in the hash chain.
 */
import { AdministrationFacts, CallerFacts, LoginRefused } from "./CallerIdentity";
import { formatTime, listOrDash, orDash } from "./format";
import { OutcomeBadge } from "./OutcomeBadge";
import { ProblemMessage } from "./ProblemMessage";
import { ReplayButton } from "./ReplayButton";
import { AUDIT_EVENT, type AuditEventDetail, type FieldDecision, type Refusal } from "./queries";
import { useQuery } from "../shared/useQuery";

function Decisions({ caption, decisions, denied }: { caption: string; decisions: FieldDecision[]; denied: boolean }) {
  if (decisions.length === 0) return <p className="notice">{caption}: none.</p>;
  return (
    <table className="decisions">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Category</th>
          <th scope="col">Owner</th>
          {denied ? <th scope="col">Rule</th> : null}
          <th scope="col">Policies</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((d, i) => (
          <tr key={`${d.field}-${i}`}>
            <td>
              <code>{d.field}</code>
            </td>
            <td>{d.category}</td>
            <td>{d.owner}</td>
            {denied ? <td className="rule">{orDash(d.rule)}</td> : null}
            <td>{listOrDash(d.policies)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Refusals({ refusals }: { refusals: Refusal[] }) {
  if (refusals.length === 0) return <p className="notice">Refusals beside the denied fields: none.</p>;
  return (
    <table className="decisions" data-testid="refusals">
      <caption>Refusals beside the denied fields</caption>
      <thead>
        <tr>
          <th scope="col">By</th>
          <th scope="col">Rule</th>
          <th scope="col">Article</th>
          <th scope="col">Data</th>
          <th scope="col">Records</th>
          <th scope="col">Where</th>
          <th scope="col">Caller told</th>
        </tr>
      </thead>
      <tbody>
        {refusals.map((r, i) => (
          <tr key={`${r.by}-${r.rule}-${i}`}>
            <td>{r.by}</td>
            <td className="rule">{r.rule}</td>
            <td>{orDash(r.article)}</td>
            <td>{r.category ? `${r.category} of ${orDash(r.owner)}` : "—"}</td>
            <td>{r.count}</td>
            <td>
              <code>{r.path.length ? r.path.join(".") : "(request)"}</code>
            </td>
            <td>{r.silent ? "no (R14-3)" : "yes"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EventDetail({ id, purpose }: { id: string; purpose: string }) {
  const { loading, data, problem, reload } = useQuery<{ auditEvent: AuditEventDetail | null }>(
    AUDIT_EVENT,
    { id },
    purpose,
  );
  if (loading) return <p className="notice">Loading the event…</p>;
  if (problem) return <ProblemMessage problem={problem} onRetry={reload} />;
  const e = data?.auditEvent;
  if (!e) return <p className="notice">This event is no longer in the log.</p>;

  return (
    <div className="event-detail" data-testid="audit-event-detail">
      {e.authentication ? <LoginRefused authentication={e.authentication} /> : null}
      {e.administration ? <AdministrationFacts administration={e.administration} /> : null}
      <dl className="facts">
        <dt>Event</dt>
        <dd>
          #{e.seq} · <code>{e.id}</code>
        </dd>
        <dt>Time</dt>
        <dd>
          <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time> ({e.occurredAt})
        </dd>
        <dt>Request id</dt>
        <dd>
          <code>{e.requestId}</code>
        </dd>
        <dt>{e.administration ? "Operator" : "Principal"}</dt>
        <dd>
          {e.administration
            ? orDash(e.subject)
            : `${orDash(e.subject)} · ${orDash(e.agency)} · ${orDash(e.role)} · ${orDash(e.country)}`}
        </dd>
        <dt>Purpose</dt>
        <dd>
          {orDash(e.purpose)}
          {e.authorizationRef ? ` · authorisation ${e.authorizationRef}` : ""}
        </dd>
        <dt>Outcome</dt>
        <dd>
          <OutcomeBadge outcome={e.outcome} /> in {e.durationMs} ms
          {e.errorCodes.length ? ` · errors: ${e.errorCodes.join(", ")}` : ""}
        </dd>
        <dt>Agreements</dt>
        <dd>{listOrDash(e.agreements)}</dd>
        <dt>Categories disclosed</dt>
        <dd>{listOrDash(e.categories)}</dd>
        <dt>Persons disclosed</dt>
        <dd>{listOrDash(e.disclosedPersonRefs)}</dd>
        {e.releaseAfter ? (
          <>
            <dt>Withheld from subject access until</dt>
            <dd>{e.releaseAfter}</dd>
          </>
        ) : null}
        <dt>Policy version</dt>
        <dd>
          <code>{e.policyVersion}</code>
        </dd>
        <dt>Hash</dt>
        <dd>
          <code className="hash">{e.hash}</code>
        </dd>
        <dt>Previous hash</dt>
        <dd>
          <code className="hash">{e.prevHash}</code>
        </dd>
      </dl>
      {e.administration ? null : <CallerFacts caller={e.caller} />}
      {e.administration ? null : <Request event={e} />}
      {e.administration ? null : <ReplayButton eventId={e.id} purpose={purpose} />}
    </div>
  );
}

/** What a request asked and what was decided on each field (an operator's action has neither). */
function Request({ event: e }: { event: AuditEventDetail }) {
  return (
    <>
      <h3>Operation {e.operationName ? <code>{e.operationName}</code> : null}</h3>
      <p className="notice">
        SHA-256 <code className="hash">{orDash(e.operationHash)}</code>
      </p>
      <pre className="code-block" data-testid="operation-text">
        {e.operationText ?? "(no operation text: the request was refused before it was read)"}
      </pre>
      <h3>Variables (each string and number replaced by its keyed hash)</h3>
      <pre className="code-block">{e.variables}</pre>
      <Decisions caption="Fields allowed" decisions={e.fieldsAllowed} denied={false} />
      <Decisions caption="Fields denied" decisions={e.fieldsDenied} denied />
      <Refusals refusals={e.refusals} />
    </>
  );
}
