/**
 * Writes the audit record of every request before its response leaves (R7-2): the response waits
 * until the record is durable, and if it cannot be written the caller gets AUDIT_UNAVAILABLE and
 * no data.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { ERROR_CODES, type AuditEventContent } from "@hub/contracts";
import type { HubContext } from "../HubContext";
import type { AuditWriter } from "./AuditWriter";
import { buildAuditEvent, type ValueHasher } from "./buildAuditEvent";

export const AUDIT_UNAVAILABLE: GraphQLFormattedError = {
  message: "The audit log cannot be written, so nothing is served; try again shortly.",
  extensions: { code: "AUDIT_UNAVAILABLE" },
};

export interface AuditTrail {
  writer: AuditWriter;
  policyVersion: string;
  hash: ValueHasher;
}

/** Appends one event; false when the store could not take it (the caller then serves nothing). */
export async function record(trail: AuditTrail, event: AuditEventContent): Promise<boolean> {
  try {
    await trail.writer.append(event);
    return true;
  } catch {
    return false;
  }
}

export function auditTrail(trail: AuditTrail): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }): Promise<GraphQLRequestListener<HubContext>> {
      const startedAt = contextValue.startedAt;
      return {
        async willSendResponse({ response, contextValue: ctx, document, request, operationName }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const event = buildAuditEvent({
            context: ctx,
            startedAt,
            document,
            operationName: operationName ?? null,
            variables: request.variables,
            errors: result.errors ?? [],
            hasData: result.data !== undefined && result.data !== null,
            policyVersion: trail.policyVersion,
            hash: trail.hash,
          });
          if (await record(trail, event)) return;
          response.body.singleResult = { errors: [AUDIT_UNAVAILABLE] };
          response.http.status = ERROR_CODES.AUDIT_UNAVAILABLE.status;
        },
      };
    },
  };
}
