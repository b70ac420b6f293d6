/** The decision on the last operation, readable: one row per error with path, rule, article, reason and hint. */
import type { GraphQLErrorShape } from "../shared/api";
import type { Outcome } from "./createHubFetcher";
import { ProvenancePanel } from "./ProvenancePanel";

export type PanelState =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "failed"; message: string }
  /** `run` counts the answers shown, so a reader (or a test) can tell a new answer from the last one. */
  | { kind: "done"; outcome: Outcome; partial: boolean; run: number };

function pathOf(error: GraphQLErrorShape): string {
  return error.path?.length ? error.path.join(".") : "(operation)";
}

/** The agencies whose service did not answer, by name (SUBGRAPH_UNAVAILABLE). */
function unavailableAgencies(errors: GraphQLErrorShape[]): string[] {
  const names = errors.flatMap((e) =>
    e.extensions?.code === "SUBGRAPH_UNAVAILABLE" ? [String(e.extensions.agencyName ?? e.extensions.agency)] : [],
  );
  return [...new Set(names)];
}

function outageText(agencies: string[]): string {
  if (agencies.length === 0) return "";
  const one = agencies.length === 1;
  return `the ${agencies.join(" and the ")} ${one ? "is" : "are"} unavailable, ${one ? "its" : "their"} data is missing`;
}

function summary(outcome: Outcome, partial: boolean): string {
  const refusals = outcome.errors.filter((e) => e.extensions?.code === "FORBIDDEN");
  if (outcome.errors.length === 0) return `Allowed (HTTP ${outcome.status}): nothing was refused.`;
  const outage = outageText(unavailableAgencies(outcome.errors));
  const answered = outcome.hasData && outcome.status !== 503;
  if (refusals.length === 0) {
    if (!outage) return `HTTP ${outcome.status}: the operation failed.`;
    if (answered) return `Partly answered (HTTP ${outcome.status}): ${outage}; the other agencies' data is shown.`;
    return `Not answered (HTTP ${outcome.status}): ${outage}; try again shortly.`;
  }
  // A subgraph's refusal of records counts them (`withheld`); a refused field is one.
  const records = refusals.reduce(
    (n, e) => n + (typeof e.extensions?.withheld === "number" ? e.extensions.withheld : 0),
    0,
  );
  const fields = refusals.filter((e) => typeof e.extensions?.withheld !== "number").length;
  const parts = [
    ...(fields ? [`${fields} field(s) ${partial ? "removed" : "denied"}`] : []),
    ...(records ? [`${records} record(s) withheld`] : []),
    ...(outage ? [outage] : []),
  ].join(", ");
  if (outcome.hasData) return `Partly answered (HTTP ${outcome.status}): ${parts}.`;
  return `Refused (HTTP ${outcome.status}): ${parts}, no data was returned.`;
}

export function DenialsPanel({ state }: { state: PanelState }) {
  return (
    <aside
      className="denials"
      aria-labelledby="denials-title"
      data-testid="denials"
      data-run={state.kind === "done" ? state.run : undefined}
    >
      <h2 id="denials-title">Decision</h2>
      <div aria-live="polite">
        {state.kind === "idle" ? <p className="notice">Run an operation to see what was allowed or refused.</p> : null}
        {state.kind === "running" ? <p className="notice">Running…</p> : null}
        {state.kind === "failed" ? (
          <p role="alert" className="error">
            {state.message}
          </p>
        ) : null}
        {state.kind === "done" ? (
          <>
            <p data-testid="denials-summary" className={state.outcome.errors.length ? "denials__bad" : "denials__ok"}>
              {summary(state.outcome, state.partial)}
            </p>
            <ul className="denials__list">
              {state.outcome.errors.map((error, i) => (
                <DenialRow key={`${pathOf(error)}-${i}`} error={error} />
              ))}
            </ul>
            <ProvenancePanel answer={state.outcome.answer} />
          </>
        ) : null}
      </div>
    </aside>
  );
}

function DenialRow({ error }: { error: GraphQLErrorShape }) {
  const x = error.extensions ?? {};
  if (x.code === "SUBGRAPH_UNAVAILABLE") {
    const paths = Array.isArray(x.paths) ? (x.paths as string[][]).map((p) => p.join(".")) : [pathOf(error)];
    return (
      <li className="denial" data-testid="unavailable">
        <p className="denial__path">
          <code>{paths.join(", ")}</code>{" "}
          <span className="badge badge--warn" data-testid="unavailable-agency">
            {String(x.agencyName ?? x.agency)} unavailable
          </span>
        </p>
        <p>{error.message}</p>
      </li>
    );
  }
  if (x.code !== "FORBIDDEN") {
    return (
      <li className="denial" data-testid="denial">
        <p className="denial__path">
          <code>{pathOf(error)}</code> <span className="badge">{x.code ?? "ERROR"}</span>
        </p>
        <p>{error.message}</p>
      </li>
    );
  }
  return (
    <li className="denial" data-testid="denial">
      <p className="denial__path">
        <code>{pathOf(error)}</code>{" "}
        <span className="badge badge--danger" data-testid="denial-rule">
          {x.rule}
        </span>
      </p>
      <dl>
        <dt>Article</dt>
        <dd>{x.article}</dd>
        <dt>Data</dt>
        <dd>
          {x.category} of {x.owner}
        </dd>
        <dt>Why</dt>
        <dd>{x.reason}</dd>
        {typeof x.withheld === "number" ? (
          <>
            <dt>Withheld</dt>
            <dd data-testid="denial-withheld">
              {x.withheld} record{x.withheld === 1 ? "" : "s"}
            </dd>
          </>
        ) : null}
        {x.hint ? (
          <>
            <dt>Ask instead</dt>
            <dd data-testid="denial-hint">{x.hint}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
