/**
 * Apollo Gateway over the static supergraph from contracts/, calling each subgraph with a
 * hub-context token signed for it alone.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { DISCLOSED_EXTENSION, HUB_CONTEXT_HEADER, type SubgraphName } from "@hub/contracts";
import type { GatewayConfig } from "./config";
import type { HubContextSigner } from "./hubContext/signHubContext";
import type { HubContext } from "./HubContext";

export function createGateway(supergraphSdl: string, config: GatewayConfig, sign: HubContextSigner): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<HubContext>({
        url: config.subgraphUrls[name as SubgraphName] ?? url,
        willSendRequest({ request, context }) {
          // Entity fetches of one request reuse the token signed for that subgraph.
          let token = context.hubContextTokens?.get(name);
          if (!token) {
            token = sign(name, {
              principal: context.principal,
              purpose: context.purpose,
              requestId: context.requestId,
              // Subgraphs decide record by record with the same rules, R11-1 included.
              ...(context.authorizationRef ? { authorizationUntil: context.authorizationRef.validUntil } : {}),
            });
            context.hubContextTokens.set(name, token);
          }
          return token.then((value: string) => {
            request.http?.headers.set(HUB_CONTEXT_HEADER, value);
          });
        },
        didReceiveResponse({ response, context }) {
          // Whose data each subgraph disclosed, for the audit record (R9-1); never passed on.
          const refs = response.extensions?.[DISCLOSED_EXTENSION];
          if (Array.isArray(refs)) {
            for (const ref of refs) if (typeof ref === "string") context.disclosedPersonRefs?.add(ref);
          }
          if (response.extensions) delete response.extensions[DISCLOSED_EXTENSION];
          return response;
        },
      }),
  });
}
