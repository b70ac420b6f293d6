/**
 * Reports to the gateway, in the response's extensions, the personRefs whose data this subgraph
 * disclosed (R9-1) and the records it withheld (R7-2), and tells the caller of each withheld record
 * with a FORBIDDEN error at its path (except silent R14-3 refusals). The gateway takes both
 * extensions off before the response leaves; Apollo Gateway rewrites the errors' paths into the
 * client's response.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { DISCLOSED_EXTENSION, WITHHELD_EXTENSION } from "@hub/contracts";
import type { RecordGuard } from "./RecordGuard";

export function disclosurePlugin(): ApolloServerPlugin<{ guard: RecordGuard }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const { guard } = contextValue;
          const result = response.body.singleResult;
          const withheld = guard.withheld();
          const refusals = guard.refusals();
          if (refusals.length > 0) result.errors = [...(result.errors ?? []), ...refusals];
          if (guard.disclosed.size === 0 && withheld.length === 0) return;
          result.extensions = {
            ...result.extensions,
            ...(guard.disclosed.size > 0 ? { [DISCLOSED_EXTENSION]: [...guard.disclosed] } : {}),
            ...(withheld.length > 0 ? { [WITHHELD_EXTENSION]: withheld } : {}),
          };
        },
      };
    },
  };
}
