/**
 * The one executor Apollo Server sees: Apollo Gateway's, handed the operation as the decide stage
 * left it. In partial mode the denied selections are gone before planning (R5-2), so their
 * subgraphs are never asked for them; the plan cache is keyed by the pruned text.
 */
import { createHash } from "node:crypto";
import type { ApolloGateway } from "@apollo/gateway";
import type { GatewayInterface, GatewayLoadResult, GatewayUnsubscriber } from "@apollo/server-gateway-interface";
import type { ExecutionContext } from "./ExecutionRecorder";

export class HubGateway implements GatewayInterface {
  constructor(private readonly inner: ApolloGateway) {}

  async load(options: Parameters<GatewayInterface["load"]>[0]): Promise<GatewayLoadResult> {
    const { executor } = await this.inner.load(options);
    return {
      executor: (requestContext) => {
        const pruned = (requestContext.context as ExecutionContext).recorder.pruned;
        if (!pruned) return executor(requestContext);
        return executor({
          ...requestContext,
          document: pruned.document,
          operation: pruned.operation,
          operationName: pruned.operation.name?.value ?? null,
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
