/**
 * The gateway's request path, top to bottom:
 *
 *   receive → authenticate → declare purpose → limit → decide → plan and execute → audit → respond
 *
 * The anomaly alarm (R7-3, alarm/) is in two places too: a suspended caller is refused right after
 * authenticate; what the audited event disclosed is counted after the audit stage, before respond,
 * so that the caller's next request already meets a suspension its last one caused.
 *
 * The limit stage is in two places: the caller's rate limits (per agency and subject) right after
 * authenticate, since they need the principal; the operation's size and cost where Apollo has
 * parsed it (limits.ts, decisions/operationCost.ts). A client address over its own rate limit is
 * answered before receive reads anything, and is the one request left unaudited (decision 0006).
 *
 * Each stage is a function from one typed, immutable value to the next (pipeline/stages.ts), or
 * to a `Refused` that goes straight to the audit stage. Apollo Server runs limit, decide and
 * plan-and-execute as one call (execution/executeOperation.ts) with one plugin and one executor.
 * Every request that reaches the pipeline leaves exactly one audit record, whatever its outcome,
 * and nothing leaves before that record is durable.
 */
import type { IncomingMessage } from "node:http";
import type { ApolloServer } from "@apollo/server";
import type { Logger } from "pino";
import { ERROR_CODES } from "@hub/contracts";
import type { CallerAlarm } from "../alarm/CallerAlarm";
import type { PolicyDecisionPoint } from "@hub/policies";
import { authenticate } from "../auth/authenticate";
import type { TokenVerifier } from "../auth/verifyToken";
import { auditRequest, AUDIT_UNAVAILABLE, type Audited, type AuditTrail } from "../audit/auditTrail";
import type { ExecutionContext } from "../execution/ExecutionRecorder";
import { executeOperation } from "../execution/executeOperation";
import { receive, type ReceiveLimits } from "../http/receive";
import { declarePurpose } from "../purpose/declarePurpose";
import { limitAddress, limitCaller } from "../rateLimits/limitRate";
import type { RateLimits } from "../rateLimits/RateLimits";
import { type Answer, type Finished, type Received, isRefused, refusal } from "./stages";

export interface PipelineDependencies {
  server: ApolloServer<ExecutionContext>;
  verifyToken: TokenVerifier;
  /** The gateway's /graphql URL as clients call it (DPoP proofs name it). */
  publicUrl: URL | null;
  /** Without it, whether the Host header may stand in (demo mode only). */
  hostStandsIn: boolean;
  pdp: PolicyDecisionPoint;
  trail: AuditTrail;
  limits: ReceiveLimits;
  rateLimits: RateLimits;
  alarm: CallerAlarm;
  log: Logger;
  /** Told of every audited request (metrics). */
  observe?: (audited: Audited) => void;
}

export type RequestPipeline = (req: IncomingMessage) => Promise<Answer>;

export function createRequestPipeline(deps: PipelineDependencies): RequestPipeline {
  // Read once at start: a policy set without R5-1 stops the gateway here, not on a request.
  const r51 = deps.pdp.rule("R5-1");

  const run = async (received: Received): Promise<Finished> => {
    const authenticated = await authenticate(received, {
      verifyToken: deps.verifyToken,
      log: deps.log,
      publicUrl: deps.publicUrl,
      hostStandsIn: deps.hostStandsIn,
    });
    if (isRefused(authenticated)) return authenticated;
    const admitted = await deps.alarm.check(authenticated);
    if (isRefused(admitted)) return admitted;
    const limited = await limitCaller(deps.rateLimits, admitted);
    if (isRefused(limited)) return limited;
    const declared = declarePurpose(limited, r51);
    if (isRefused(declared)) return declared;
    return executeOperation(deps.server, declared, deps.log);
  };

  return async (req) => {
    const dropped = await limitAddress(deps.rateLimits, req, deps.log);
    if (dropped) return dropped;
    const received = await receive(req, deps.limits);
    let finished: Finished;
    if (isRefused(received)) finished = received;
    else {
      try {
        finished = await run(received);
      } catch (error) {
        // A defect, not the caller's fault: still audited, still no data.
        deps.log.error({ err: error, requestId: received.requestId }, "request failed");
        finished = refusal(
          "execute",
          received,
          "INTERNAL_SERVER_ERROR",
          ERROR_CODES.INTERNAL_SERVER_ERROR.status,
          "Internal server error",
        );
      }
    }
    const audited = await auditRequest(deps.trail, finished);
    await deps.alarm.count(audited);
    deps.observe?.(audited);
    return respond(audited);
  };
}

/** The respond stage: the answer of an audited request, or AUDIT_UNAVAILABLE and no data. */
export function respond({ finished, durable }: Audited): Answer {
  const requestId = finished.kind === "refused" ? finished.known.requestId : finished.requestId;
  if (!durable) {
    return { requestId, status: ERROR_CODES.AUDIT_UNAVAILABLE.status, body: { errors: [AUDIT_UNAVAILABLE] } };
  }
  if (finished.kind === "refused") {
    const headers = finished.headers ? { headers: finished.headers } : {};
    return { requestId, status: finished.status, body: { errors: finished.errors }, ...headers };
  }
  return { requestId, status: finished.status, body: finished.result };
}
