/**
 * Signs every answer the subgraph gives the gateway (its `data`, null included) and puts the
 * signature in the response's extensions, where the gateway takes it and passes it to the client
 * in `extensions.provenance` (docs/provenance.md).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { PROVENANCE_EXTENSION, type HubContextRequestClaims } from "@hub/contracts";
import type { ProvenanceSigner } from "./signProvenance";

export function provenancePlugin(
  sign: ProvenanceSigner,
): ApolloServerPlugin<{ hub: HubContextRequestClaims; op: string }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          // A request refused before execution has no data: there is nothing to vouch for.
          if (result.data === undefined) return;
          const { hub, op } = contextValue;
          result.extensions = {
            ...result.extensions,
            [PROVENANCE_EXTENSION]: await sign(hub.requestId, op, result.data),
          };
        },
      };
    },
  };
}
