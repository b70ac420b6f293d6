/** An outcome as text with a symbol and a colour, so that colour is never the only cue. */
import type { Outcome } from "./queries";

const SYMBOL: Record<Outcome, string> = {
  ALLOWED: "✓",
  PARTIAL: "◐",
  DENIED: "✕",
  REJECTED: "⊘",
  FAILED: "!",
  ADMINISTERED: "⚙",
};

export const OUTCOME_MEANING: Record<Outcome, string> = {
  ALLOWED: "all data served",
  PARTIAL: "served with the denied fields removed",
  DENIED: "refused by policy",
  REJECTED: "refused before any decision (authentication, purpose, limits)",
  FAILED: "an error",
  ADMINISTERED: "an operator's action on the gateway, not a request",
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <span
      className={`outcome outcome--${outcome.toLowerCase()}`}
      data-testid="outcome"
      data-outcome={outcome}
      title={OUTCOME_MEANING[outcome]}
    >
      <span aria-hidden="true">{SYMBOL[outcome]} </span>
      {outcome}
    </span>
  );
}
