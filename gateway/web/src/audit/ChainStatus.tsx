/** Whether the hash chain holds over the selected time range (`verifyAuditChain`), and where it first breaks. */
import { ProblemMessage } from "./ProblemMessage";
import { VERIFY_CHAIN, type ChainVerification } from "./queries";
import { useQuery } from "../shared/useQuery";

/** One signed checkpoint per CHECKPOINT_INTERVAL (100) events; far fewer means checkpoints were removed. */
const CHECKPOINT_INTERVAL = 100;

export function ChainStatus({ from, to, purpose }: { from?: string; to?: string; purpose: string }) {
  const { loading, data, problem, reload } = useQuery<{ verifyAuditChain: ChainVerification }>(
    VERIFY_CHAIN,
    { from: from ?? null, to: to ?? null },
    purpose,
  );
  const v = data?.verifyAuditChain;
  const state = loading ? "loading" : problem ? "error" : v?.valid ? "valid" : "broken";
  const fewCheckpoints =
    v?.valid && v.eventsChecked >= 2 * CHECKPOINT_INTERVAL
      ? v.checkpointsChecked < Math.floor(v.eventsChecked / CHECKPOINT_INTERVAL) - 1
      : false;
  const range = from || to ? "in the selected time range" : "over the whole log";

  return (
    <section className="panel chain" aria-labelledby="chain-heading">
      <h2 id="chain-heading">Hash chain</h2>
      <div
        data-testid="chain-status"
        data-state={state}
        className={`chain__status chain__status--${state}`}
        aria-live="polite"
      >
        {loading ? <p>Verifying the chain {range}…</p> : null}
        {problem ? <ProblemMessage problem={problem} onRetry={reload} /> : null}
        {!loading && v?.valid ? (
          <p>
            <span className="chain__mark" aria-hidden="true">
              ✓{" "}
            </span>
            <strong>Chain valid</strong> {range}: {v.eventsChecked} event{v.eventsChecked === 1 ? "" : "s"} re-computed,{" "}
            {v.checkpointsChecked} signed checkpoint{v.checkpointsChecked === 1 ? "" : "s"} verified.
          </p>
        ) : null}
        {!loading && v && !v.valid ? (
          <p>
            <span className="chain__mark" aria-hidden="true">
              ✕{" "}
            </span>
            <strong>Chain BROKEN at event {v.firstBroken?.seq ?? "?"}</strong>
            {v.firstBroken?.id ? (
              <>
                {" "}
                (<code>{v.firstBroken.id}</code>)
              </>
            ) : (
              " (missing)"
            )}
            : {v.firstBroken?.reason ?? "no reason given"}. {v.eventsChecked} events before it are intact.
          </p>
        ) : null}
        {fewCheckpoints ? (
          <p className="badge badge--warn">
            Fewer signed checkpoints than expected (about one per {CHECKPOINT_INTERVAL} events): treat as a break and
            investigate.
          </p>
        ) : null}
      </div>
      <button type="button" className="secondary no-print" onClick={reload} disabled={loading}>
        Verify again
      </button>
    </section>
  );
}
