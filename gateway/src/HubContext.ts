/** The per-request context of the gateway: who asks, for what, and what was decided. */
import type { Principal, Purpose } from "@hub/contracts";
import type { GraphQLFormattedError } from "graphql";
import type { AuthorizationRef } from "./auth/authorizationRef";
import type { TouchedField } from "./fields/collectFields";
import type { OperationDecision } from "./policy/decideOperation";
import type { PrunedOperation } from "./policy/pruneDocument";

export type DisclosureMode = "strict" | "partial";

export interface HubContext {
  requestId: string;
  /** Epoch milliseconds when the request arrived. */
  startedAt: number;
  principal: Principal;
  purpose: Purpose;
  /** strict (default): any denied field rejects the operation; partial: denied fields are removed (R5-2). */
  mode: DisclosureMode;
  authorizationRef?: AuthorizationRef;
  /** Every field the operation touches, filled in before planning. */
  touched: TouchedField[];
  /** The policy decisions on those fields. */
  decision?: OperationDecision;
  /** In partial mode: the operation without its denied fields, and the errors that replace them. */
  pruned?: PrunedOperation;
  partialErrors: GraphQLFormattedError[];
  /** personRefs whose records the subgraphs disclosed in this response (R9-1). */
  disclosedPersonRefs: Set<string>;
  /** Hub-context tokens signed for this request, one per subgraph. */
  hubContextTokens: Map<string, Promise<string>>;
}
