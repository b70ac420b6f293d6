/** A refusal or failure from the gateway, said in words: what happened, and what the user can do. */
import type { Problem } from "../shared/request";

function advice(problem: Problem): string {
  switch (problem.code) {
    case "FORBIDDEN":
    case "PURPOSE_NOT_ALLOWED":
      return "Sign in with such an account, or choose the purpose your account holds for this work.";
    case "PURPOSE_REQUIRED":
      return "Choose a purpose first: every request to the hub declares one.";
    case "UNAUTHENTICATED":
      return "The gateway did not accept your token (it may have expired). Sign out and sign in again.";
    case "AUDIT_UNAVAILABLE":
    case "POLICY_UNAVAILABLE":
    case "AUTHENTICATION_UNAVAILABLE":
      return "The hub is failing closed for a moment; nothing is served until it recovers. Retry shortly.";
    case "BAD_USER_INPUT":
      return "Adjust the filters and try again.";
    case "QUERY_TOO_COMPLEX":
      return "The request exceeded the gateway's limits; narrow the filters.";
    case "NETWORK":
      return "";
    default:
      return "If this persists, give the hub operator the time of the failure.";
  }
}

export interface ProblemMessageProps {
  problem: Problem;
  onRetry?: () => void;
  /** Who was refused, for access problems. */
  who?: string;
}

export function ProblemMessage({ problem, onRetry, who }: ProblemMessageProps) {
  const access = ["FORBIDDEN", "PURPOSE_NOT_ALLOWED"].includes(problem.code);
  const code = <code>{problem.code}</code>;
  return (
    <div role="alert" className="error problem" data-testid="console-problem" data-code={problem.code}>
      {access ? (
        <>
          <p>
            <strong>
              The auditor console is for the hub operator's auditors (purpose AUDIT) and its data-protection officer
              (purpose SUBJECT_ACCESS).
            </strong>
          </p>
          <p>
            {who ? `The gateway refused ${who}` : "The gateway refused the request"}
            {problem.rule ? (
              <>
                {" "}
                under rule <span className="rule">{problem.rule}</span>
                {problem.article ? ` (${problem.article})` : ""}: {problem.reason ?? problem.message}
              </>
            ) : (
              `: ${problem.message}`
            )}{" "}
            {code}
          </p>
        </>
      ) : (
        <p>
          <strong>The request did not succeed.</strong> {problem.message} {code}
        </p>
      )}
      {advice(problem) ? <p>{advice(problem)}</p> : null}
      {onRetry && !access ? (
        <button type="button" className="secondary" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
