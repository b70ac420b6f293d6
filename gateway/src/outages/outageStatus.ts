/**
 * The HTTP status of an answer an outage touched: the rest of the answer's status when other data
 * came back, 503 when every root field is empty because an agency did not answer (the registry's
 * status for SUBGRAPH_UNAVAILABLE), so a client or a load balancer can retry.
 */
import type { FormattedExecutionResult } from "graphql";
import { ERROR_CODES } from "@hub/contracts";

export function outageStatus(result: FormattedExecutionResult, status: number): number {
  const outage = result.errors?.some((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE");
  if (!outage || status !== 200) return status;
  const nothing = !result.data || Object.values(result.data).every((value) => value === null);
  return nothing ? ERROR_CODES.SUBGRAPH_UNAVAILABLE.status : status;
}
