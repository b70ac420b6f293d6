/**
 * Active suspensions by the anomaly alarm (R7-3), with their evidence, for auditors and the
 * data-protection officer; under SUBJECT_ACCESS the officer lifts one, giving a reason (audited).
 */
import { useState, type FormEvent } from "react";
import { CALLER_SUSPENSIONS, evidenceOf, LIFT_SUSPENSION, type CallerSuspension } from "./AlarmsQueries";
import { formatTime } from "./format";
import { ProblemMessage } from "./ProblemMessage";
import { ask, type Problem } from "../shared/request";
import { useQuery } from "../shared/useQuery";

function LiftForm({ suspension, onLifted }: { suspension: CallerSuspension; onLifted: () => void }) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await ask(LIFT_SUSPENSION, { id: suspension.id, reason }, "SUBJECT_ACCESS");
    setBusy(false);
    if (answer.ok) onLifted();
    else setProblem(answer.problem);
  };
  const id = `lift-reason-${suspension.id}`;
  return (
    <form className="alarm__lift no-print" onSubmit={(e) => void submit(e)} data-testid="alarm-lift">
      <label htmlFor={id}>Reason for lifting</label>
      <input
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        minLength={3}
        maxLength={500}
        required
      />
      <button type="submit" disabled={busy || reason.trim().length < 3}>
        Lift suspension
      </button>
      {problem ? <ProblemMessage problem={problem} /> : null}
    </form>
  );
}

function Alarm({ s, canLift, onLifted }: { s: CallerSuspension; canLift: boolean; onLifted: () => void }) {
  const who = s.scope === "AGENCY" ? `every caller of ${s.agency}` : `${s.subject ?? "?"} (${s.agency})`;
  return (
    <li className="alarm" data-testid="alarm" data-suspension-id={s.id}>
      <p className="alarm__who">
        <span className="badge badge--warn">Suspended</span> <strong data-testid="alarm-who">{who}</strong> since{" "}
        <time dateTime={s.suspendedAt}>{formatTime(s.suspendedAt)}</time>, by rule {s.rule} ({s.article})
      </p>
      <p data-testid="alarm-evidence">{evidenceOf(s)}</p>
      <details>
        <summary>Evidence: the {s.events.length} audit events counted last (newest first)</summary>
        <ol className="plain-list" data-testid="alarm-events">
          {s.events.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
        </ol>
        <p>
          The suspension's own audit event: <code>{s.eventId}</code>
        </p>
      </details>
      {canLift ? <LiftForm suspension={s} onLifted={onLifted} /> : null}
    </li>
  );
}

export function AlarmsPanel({ purpose }: { purpose: string }) {
  const { loading, data, problem, reload } = useQuery<{ callerSuspensions: CallerSuspension[] }>(
    CALLER_SUSPENSIONS,
    {},
    purpose,
  );
  const list = data?.callerSuspensions ?? [];
  const canLift = purpose === "SUBJECT_ACCESS";
  return (
    <section className="panel alarms" aria-labelledby="alarms-heading" data-testid="alarms">
      <h2 id="alarms-heading">Alarms: suspended callers</h2>
      {loading ? <p>Reading the alarms…</p> : null}
      {problem ? <ProblemMessage problem={problem} onRetry={reload} /> : null}
      {!loading && !problem && list.length === 0 ? <p data-testid="alarms-none">No caller is suspended.</p> : null}
      {list.length > 0 ? (
        <ul className="plain-list">
          {list.map((s) => (
            <Alarm key={s.id} s={s} canLift={canLift} onLifted={reload} />
          ))}
        </ul>
      ) : null}
      {!canLift && list.length > 0 ? (
        <p className="notice">Only the data-protection officer (purpose SUBJECT_ACCESS) lifts a suspension.</p>
      ) : null}
    </section>
  );
}
