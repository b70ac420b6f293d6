/**
 * The audit stage (R7-2): appends the record of a finished request and says whether it is
 * durable. The answer waits for it; if it cannot be written, the caller gets AUDIT_UNAVAILABLE and
 * no data.
 */
import type { GraphQLFormattedError } from "graphql";
import type { AuditEventContent } from "@hub/contracts";
import type { Finished } from "../pipeline/stages";
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

export interface Audited {
  readonly finished: Finished;
  readonly event: AuditEventContent;
  /** The record is in the store; without that nothing but AUDIT_UNAVAILABLE leaves. */
  readonly durable: boolean;
}

export async function auditRequest(trail: AuditTrail, finished: Finished): Promise<Audited> {
  const event = buildAuditEvent(finished, { policyVersion: trail.policyVersion, hash: trail.hash });
  try {
    await trail.writer.append(event);
    return { finished, event, durable: true };
  } catch {
    return { finished, event, durable: false };
  }
}
