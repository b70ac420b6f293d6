/**
 * Builds each request's context: authenticate, declared purpose, authorisation reference, mode.
 * A request refused here is still audited (R7-2); if even that record cannot be written, the
 * caller is told the audit log is unavailable.
 */
import type { Request, Response } from "express";
import { GraphQLError } from "graphql";
import type { Principal } from "@hub/contracts";
import { AUTHORIZATION_REF_HEADER, parseAuthorizationRef } from "./auth/authorizationRef";
import { PURPOSE_HEADER, resolvePurpose } from "./auth/resolvePurpose";
import type { TokenVerifier } from "./auth/verifyToken";
import { record, type AuditTrail } from "./audit/auditTrail";
import { buildAuditEvent } from "./audit/buildAuditEvent";
import { hubError } from "./errors";
import type { HubContext } from "./HubContext";

/** Header that opts in to partial mode (R5-2). */
export const PARTIAL_HEADER = "x-hub-partial";

export function createContextFunction(verifyToken: TokenVerifier, trail: AuditTrail) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<HubContext> => {
    const requestId = res.locals.requestId as string;
    const startedAt = res.locals.startedAt as number;
    let principal: Principal | undefined;
    try {
      principal = await verifyToken(req.header("authorization"));
      const purpose = resolvePurpose(req.header(PURPOSE_HEADER), principal);
      const authorizationRef = parseAuthorizationRef(req.header(AUTHORIZATION_REF_HEADER));
      return {
        requestId,
        startedAt,
        principal,
        purpose,
        mode: req.header(PARTIAL_HEADER)?.trim().toLowerCase() === "true" ? "partial" : "strict",
        ...(authorizationRef ? { authorizationRef } : {}),
        touched: [],
        partialErrors: [],
        disclosedPersonRefs: new Set(),
        hubContextTokens: new Map(),
      };
    } catch (error) {
      const code =
        error instanceof GraphQLError
          ? String(error.extensions.code ?? "INTERNAL_SERVER_ERROR")
          : "INTERNAL_SERVER_ERROR";
      const event = buildAuditEvent({
        context: { requestId, ...(principal ? { principal } : {}) },
        startedAt,
        document: undefined,
        operationName: null,
        variables: undefined,
        errors: [{ message: "", extensions: { code } }],
        hasData: false,
        policyVersion: trail.policyVersion,
        hash: trail.hash,
      });
      if (!(await record(trail, event))) {
        throw hubError(
          "AUDIT_UNAVAILABLE",
          "The audit log cannot be written, so nothing is served; try again shortly.",
        );
      }
      throw error;
    }
  };
}
