/** The subgraph's answer to a request whose body could not be read. */
import type express from "express";
import type { Logger } from "pino";
import { requestFailureAnswer } from "@hub/contracts";

/**
 * A body that does not parse gets a JSON 400 here, not Express's default handler, which prints the
 * parser's message (an excerpt of the body) to stderr.
 */
export function bodyErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (error: { status?: number }, _req, res, _next) => {
    const answer = requestFailureAnswer(error.status);
    if (answer.unexpected) log.error({ err: error }, "request failed");
    res.status(answer.status).json(answer.body);
  };
}
