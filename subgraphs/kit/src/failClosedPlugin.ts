/** Drops all data from a subgraph response in which the policy engine failed to decide (fail closed). */
import type { ApolloServerPlugin } from "@apollo/server";

export function failClosedPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          // Records decided before the failure must not leave either. The status stays 200 so that
          // the gateway passes the code on instead of wrapping a transport error.
          if (result.errors?.some((e) => e.extensions?.code === "POLICY_UNAVAILABLE")) result.data = null;
        },
      };
    },
  };
}
