/**
 * What the gateway and the subgraphs must agree on about hub-context tokens beyond their claims:
 * how long one may live (one setting, read by both) and how a token is bound to the one subgraph
 * operation it authorises, so a token that leaks opens nothing else.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "./audit/chain";

/** Default of `HUB_CONTEXT_TTL_SECONDS`: the gateway signs for this long, subgraphs accept no longer. */
export const HUB_CONTEXT_TTL_DEFAULT_SECONDS = 60;

/** `HUB_CONTEXT_TTL_SECONDS`, validated the same way in the gateway's and every subgraph's config. */
export const hubContextTtlSecondsSchema = z.coerce
  .number()
  .int()
  .min(5)
  .max(300)
  .default(HUB_CONTEXT_TTL_DEFAULT_SECONDS);

/** Skew allowed between the gateway's clock and a subgraph's when checking `exp` and `iat`. */
export const HUB_CONTEXT_CLOCK_TOLERANCE_SECONDS = 5;

/** The body of one subgraph fetch, as the gateway sends it and the subgraph parses it. */
export interface SubgraphOperation {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * The `op` claim: base64url SHA-256 over the query text, the operation name and the canonical JSON
 * of the variables. Absent and null name or variables hash alike, since JSON drops one and keeps
 * the other.
 */
export function hubContextOperationHash(operation: SubgraphOperation): string {
  const text = canonicalJson({
    query: operation.query,
    operationName: operation.operationName ?? null,
    variables: operation.variables ?? {},
  });
  return createHash("sha256").update(text).digest("base64url");
}
