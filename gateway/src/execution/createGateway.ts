/**
 * Apollo Gateway over the static supergraph from contracts/, calling each subgraph with a
 * hub-context token signed for it alone, and taking from each answer what the subgraph reports
 * beside its data (whose data it disclosed, which records it withheld) before passing it on.
 */
import { ApolloGateway } from "@apollo/gateway";
import {
  DISCLOSED_EXTENSION,
  HUB_CONTEXT_HEADER,
  PROVENANCE_EXTENSION,
  WITHHELD_EXTENSION,
  withheldReportsSchema,
  type SubgraphName,
} from "@hub/contracts";
import type { GatewayConfig } from "../config";
import { receivedPart } from "./collectProvenance";
import type { HubContextSigner } from "../hubContext/signHubContext";
import type { HubMetrics } from "../metrics/hubMetrics";
import { observedSubgraphs } from "../metrics/observeSubgraphCalls";
import type { OutageLog } from "../outages/OutageLog";
import { createSubgraphFetcher } from "../outages/subgraphFetcher";
import { SubgraphDataSource } from "../outages/SubgraphDataSource";

export function createGateway(
  supergraphSdl: string,
  config: GatewayConfig,
  sign: HubContextSigner,
  outages: OutageLog,
  metrics?: HubMetrics,
): ApolloGateway {
  const observed = observedSubgraphs(metrics);
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      observed(
        name,
        new SubgraphDataSource(name as SubgraphName, outages, {
          url: config.subgraphUrls[name as SubgraphName] ?? url,
          // Node's fetch (keep-alive), bounded per subgraph; a timeout answers SUBGRAPH_UNAVAILABLE.
          fetcher: createSubgraphFetcher(config.subgraphTimeoutsMs[name as SubgraphName] ?? 5000),
          willSendRequest({ request, context }) {
            const { request: asked } = context;
            // A token per fetch, bound to its query and variables: one captured from an entity
            // fetch cannot be replayed with any other operation, not even within the same request.
            const token = sign(
              name,
              {
                principal: asked.principal,
                purpose: asked.purpose,
                requestId: asked.requestId,
                // Subgraphs decide record by record with the same rules, R11-1 included.
                ...(asked.authorizationRef ? { authorizationUntil: asked.authorizationRef.validUntil } : {}),
              },
              { query: request.query ?? "", operationName: request.operationName, variables: request.variables },
            );
            return token.then((value: string) => {
              request.http?.headers.set(HUB_CONTEXT_HEADER, value);
            });
          },
          didReceiveResponse({ response, context, pathInIncomingRequest }) {
            const { recorder } = context;
            const extensions = response.extensions;
            // Whose data each subgraph disclosed (R9-1) and what it withheld (R7-2); never passed on.
            const refs = extensions?.[DISCLOSED_EXTENSION];
            if (Array.isArray(refs)) {
              for (const ref of refs) if (typeof ref === "string") recorder.disclosedPersonRefs.add(ref);
            }
            const withheld = extensions?.[WITHHELD_EXTENSION];
            if (withheld !== undefined) {
              const parsed = withheldReportsSchema.safeParse(withheld);
              if (parsed.success) recorder.withheld.push(...parsed.data.map((r) => ({ ...r, subgraph: name })));
              else recorder.unreadableReports.push(name);
            }
            // The agency's signature of its data, for the client's extensions.provenance.
            const signed = receivedPart(name, pathInIncomingRequest, response.data, extensions?.[PROVENANCE_EXTENSION]);
            if (signed) recorder.signedParts.push(signed);
            if (extensions) {
              delete extensions[DISCLOSED_EXTENSION];
              delete extensions[WITHHELD_EXTENSION];
              delete extensions[PROVENANCE_EXTENSION];
            }
            return response;
          },
        }),
      ),
  });
}
