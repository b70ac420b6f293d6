/** A refusal or failure from the gateway on the report page, said in words: what happened and what to do. */
import { isAccessProblem, type Problem } from "../shared/request";

function advice(problem: Problem): string {
  switch (problem.code) {
    case "FORBIDDEN":
    case "PURPOSE_NOT_ALLOWED":
    case "PURPOSE_REQUIRED":
      return "The migration profile is for the National Statistics Office's analysts, with purpose OFFICIAL_STATISTICS or RESEARCH: sign in with such an account and choose one of them.";
    case "UNAUTHENTICATED":
      return "The gateway did not accept your token (it may have expired). Sign out and sign in again.";
    case "BAD_USER_INPUT":
      return "Choose another year or template: the sources hold records from their first year to the current one.";
    case "AUDIT_UNAVAILABLE":
    case "POLICY_UNAVAILABLE":
    case "AUTHENTICATION_UNAVAILABLE":
    case "SUBGRAPH_UNAVAILABLE":
      return "The hub cannot serve the profile for a moment; retry shortly.";
    case "NETWORK":
      return "";
    default:
      return "If this persists, give the hub operator the time of the failure.";
  }
}

export function ReportProblem({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  return (
    <div role="alert" className="error problem" data-testid="report-problem" data-code={problem.code}>
      <p>
        <strong>The request did not succeed.</strong> {problem.message}
        {problem.rule ? (
          <>
            {" "}
            (rule <span className="rule">{problem.rule}</span>
            {problem.article ? `, ${problem.article}` : ""})
          </>
        ) : null}{" "}
        <code>{problem.code}</code>
      </p>
      {advice(problem) ? <p>{advice(problem)}</p> : null}
      {onRetry && !isAccessProblem(problem) ? (
        <button type="button" className="secondary" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
