/** The per-request context of the gateway: who asks, for what, and what the operation touches. */
import type { Principal, Purpose } from "@hub/contracts";
import type { TouchedField } from "./fields/collectFields";

export interface HubContext {
  requestId: string;
  principal: Principal;
  purpose: Purpose;
  /** Every field the operation touches, filled in before planning. */
  touched: TouchedField[];
  /** Hub-context tokens signed for this request, one per subgraph. */
  hubContextTokens: Map<string, Promise<string>>;
}
