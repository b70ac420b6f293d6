/**
 * Reports to the gateway, in the response's extensions, the personRefs whose data this subgraph
 * disclosed, so that the audit record can name them for subject access reports (R9-1).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { DISCLOSED_EXTENSION } from "@hub/contracts";
import type { RecordGuard } from "./RecordGuard";

export function disclosurePlugin(): ApolloServerPlugin<{ guard: RecordGuard }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || contextValue.guard.disclosed.size === 0) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [DISCLOSED_EXTENSION]: [...contextValue.guard.disclosed] };
        },
      };
    },
  };
}
