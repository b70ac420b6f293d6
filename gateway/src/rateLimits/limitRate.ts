/**
 * The rate limit checks of the pipeline: per client address before a request is read (refused
 * unaudited, so that a flood of junk costs no audit appends), and per agency and subject once the
 * caller is authenticated (refused and audited like every other refusal). See decision 0006.
 */
import type { IncomingMessage } from "node:http";
import type { Logger } from "pino";
import { ERROR_CODES } from "@hub/contracts";
import { type Answer, type Authenticated, type Refused, refusal } from "../pipeline/stages";
import type { RateLimitExceeded, RateLimits } from "./RateLimits";

const errorOf = (exceeded: RateLimitExceeded) => ({
  message: `Rate limit exceeded: at most ${exceeded.limit} requests per ${exceeded.durationSeconds} s per ${exceeded.rule}. Retry after ${exceeded.retryAfterSeconds} s.`,
  extensions: {
    code: "RATE_LIMITED",
    rule: exceeded.rule,
    limit: exceeded.limit,
    durationSeconds: exceeded.durationSeconds,
    retryAfterSeconds: exceeded.retryAfterSeconds,
  },
});

const retryAfter = (exceeded: RateLimitExceeded) => ({ "retry-after": String(exceeded.retryAfterSeconds) });

/** An answer for a client address over its budget, or undefined to go on and receive the request. */
export async function limitAddress(limits: RateLimits, req: IncomingMessage, log: Logger): Promise<Answer | undefined> {
  const address = req.socket.remoteAddress;
  if (address === undefined) return undefined;
  const exceeded = await limits.consume({ address });
  if (!exceeded) return undefined;
  // The address itself is not logged; the reverse proxy's access log has it.
  if (exceeded.first) log.warn({ rule: exceeded.rule, limit: exceeded.limit }, "client address over its rate limit");
  req.resume();
  return {
    requestId: undefined,
    status: ERROR_CODES.RATE_LIMITED.status,
    body: { errors: [errorOf(exceeded)] },
    headers: retryAfter(exceeded),
  };
}

/** The authenticated caller's agency and subject budgets: the request goes on, or is refused. */
export async function limitCaller(limits: RateLimits, request: Authenticated): Promise<Authenticated | Refused> {
  const { agency, subject } = request.principal;
  const exceeded = await limits.consume({ agency, subject: `${agency}:${subject}` });
  if (!exceeded) return request;
  const { message, extensions } = errorOf(exceeded);
  return {
    ...refusal("limit", request, "RATE_LIMITED", ERROR_CODES.RATE_LIMITED.status, message, extensions),
    headers: retryAfter(exceeded),
  };
}
