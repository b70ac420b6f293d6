/**
 * Wraps Apollo Gateway so that it plans and executes the operation as the policy left it: in
 * partial mode the denied fields are gone before planning (R5-2), so their subgraphs are never
 * asked for them. The plan cache is keyed by the pruned text.
 */
import { createHash } from "node:crypto";
import type { ApolloGateway } from "@apollo/gateway";
import type { GatewayInterface, GatewayLoadResult, GatewayUnsubscriber } from "@apollo/server-gateway-interface";
import type { HubContext } from "./HubContext";

export class PruningGateway implements GatewayInterface {
  constructor(private readonly inner: ApolloGateway) {}

  async load(options: Parameters<GatewayInterface["load"]>[0]): Promise<GatewayLoadResult> {
    const { executor } = await this.inner.load(options);
    return {
      executor: (requestContext) => {
        const pruned = (requestContext.context as Partial<HubContext>).pruned;
        if (!pruned) return executor(requestContext);
        return executor({
          ...requestContext,
          document: pruned.document,
          operation: pruned.operation,
          source: pruned.source,
          queryHash: createHash("sha256").update(pruned.source).digest("hex"),
        });
      },
    };
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0]): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }
}
