/**
 * "Replay decision" on an event's detail: asks the audit subgraph to re-decide every recorded
 * selection under the policy version the event cites (`auditReplay`) and shows "same decision",
 * or each difference, with what the record leaves open.
 */
import { useState } from "react";
import { ProblemMessage } from "./ProblemMessage";
import { ask, type Problem } from "../shared/request";

const AUDIT_REPLAY = `query AuditReplay($eventId: ID!) {
  auditReplay(eventId: $eventId) {
    status reason recordIntact policyVersion decidedOn differences gaps
    fields { field category owner recordedAllowed recordedRule replayedAllowed replayedRule verdict differences notes }
    refusals { by rule count verdict notes }
  }
}`;

interface ReplayedField {
  field: string;
  category: string;
  owner: string;
  recordedAllowed: boolean;
  recordedRule: string | null;
  replayedAllowed: boolean | null;
  replayedRule: string | null;
  verdict: "SAME" | "DIFFERENT" | "NOT_REPLAYABLE";
  differences: string[];
  notes: string[];
}

interface Replay {
  status: "SAME" | "DIFFERENT" | "NOTHING_DECIDED" | "UNRESOLVED";
  reason: string | null;
  recordIntact: boolean;
  policyVersion: string;
  decidedOn: string[];
  differences: string[];
  gaps: string[];
  fields: ReplayedField[];
  refusals: { by: string; rule: string; count: number; verdict: ReplayedField["verdict"]; notes: string[] }[];
}

const decision = (allowed: boolean | null, rule: string | null) =>
  allowed === null ? "not re-decided" : allowed ? "allowed" : `denied (${rule ?? "?"})`;

const VERDICT = { SAME: "same", DIFFERENT: "DIFFERENT", NOT_REPLAYABLE: "not replayable" } as const;

function Summary({ replay: r }: { replay: Replay }) {
  const same = r.fields.filter((f) => f.verdict === "SAME").length;
  switch (r.status) {
    case "SAME":
      return (
        <p>
          <span aria-hidden="true">✓ </span>
          <strong>Same decision</strong>: {same} of {r.fields.length} field decision{r.fields.length === 1 ? "" : "s"}{" "}
          re-decided as recorded under policy version <code>{r.policyVersion.slice(0, 12)}</code>
          {r.decidedOn.length ? ` on ${r.decidedOn.join(" or ")}` : ""}.
        </p>
      );
    case "DIFFERENT":
      return (
        <p>
          <span aria-hidden="true">✕ </span>
          <strong>Different decision: integrity failure.</strong> The policy version does not decide as recorded.
        </p>
      );
    case "NOTHING_DECIDED":
      return <p>Nothing was decided: {r.reason}.</p>;
    case "UNRESOLVED":
      return <p>Cannot replay: {r.reason}.</p>;
  }
}

function Fields({ fields }: { fields: ReplayedField[] }) {
  if (fields.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="decisions" data-testid="replay-fields">
        <caption>Field by field</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Recorded</th>
            <th scope="col">Replayed</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={`${f.field}-${i}`} data-verdict={f.verdict}>
              <td>
                <code>{f.field}</code> ({f.category} of {f.owner})
              </td>
              <td>{decision(f.recordedAllowed, f.recordedRule)}</td>
              <td>{decision(f.replayedAllowed, f.replayedRule)}</td>
              <td>
                {VERDICT[f.verdict]}
                {[...f.differences, ...f.notes].map((n) => (
                  <div key={n} className="notice">
                    {n}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReplayButton({ eventId, purpose }: { eventId: string; purpose: string }) {
  const [busy, setBusy] = useState(false);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    const answer = await ask<{ auditReplay: Replay | null }>(AUDIT_REPLAY, { eventId }, purpose);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.problem);
    setReplay(answer.data.auditReplay);
  };

  const state = replay?.status === "SAME" ? "valid" : replay?.status === "DIFFERENT" ? "broken" : "other";
  return (
    <section className="panel replay" aria-labelledby={`replay-${eventId}`}>
      <h3 id={`replay-${eventId}`}>Replay decision</h3>
      <p className="notice">
        Re-decides every recorded field under the policy version this event cites, as stored in the audit database.
      </p>
      <button type="button" data-testid="replay-decision" disabled={busy} onClick={() => void run()}>
        {busy ? "Replaying…" : "Replay decision"}
      </button>
      {problem ? <ProblemMessage problem={problem} /> : null}
      {replay ? (
        <div
          data-testid="replay-result"
          data-status={replay.status}
          className={`chain__status chain__status--${state}`}
          aria-live="polite"
        >
          <Summary replay={replay} />
          {replay.recordIntact ? null : (
            <p className="badge badge--warn">The stored record no longer matches its hash: it was altered.</p>
          )}
          {replay.differences.map((d) => (
            <p key={d}>{d}</p>
          ))}
          <Fields fields={replay.fields} />
          {replay.refusals.map((x, i) => (
            <p key={`${x.rule}-${i}`} className="notice">
              Refusal {x.rule} by {x.by} ({x.count}): {VERDICT[x.verdict]}. {x.notes.join(" ")}
            </p>
          ))}
          {replay.gaps.length ? (
            <>
              <h4>Not recorded</h4>
              <ul className="plain-list">
                {replay.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
