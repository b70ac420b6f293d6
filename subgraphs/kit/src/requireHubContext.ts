/**
 * The handlers in front of a subgraph's GraphQL endpoint: the hub-context token is verified from
 * its header before any of the body is parsed, so an unauthenticated caller gets 401 however big
 * or malformed its body; then the body is parsed and must be the operation the token was signed for.
 */
import express, { type RequestHandler, type Response } from "express";
import type { Logger } from "pino";
import { HUB_CONTEXT_HEADER, type HubContextClaims } from "@hub/contracts";
import { checkOperationBinding, HubContextError, type HubContextVerifier } from "./verifyHubContext";

/** Largest request body a subgraph parses (the gateway's own limit is lower). */
const BODY_LIMIT = "1mb";

export function requireHubContext(verify: HubContextVerifier, log: Logger): RequestHandler[] {
  const authenticate: RequestHandler = (req, res, next) => {
    verify(req.header(HUB_CONTEXT_HEADER))
      .then((claims) => {
        res.locals.hub = claims;
        next();
      })
      .catch((error: unknown) => refuse(res, log, error));
  };
  const bind: RequestHandler = (req, res, next) => {
    try {
      checkOperationBinding(res.locals.hub as HubContextClaims, req.body);
    } catch (error) {
      refuse(res, log, error);
      return;
    }
    next();
  };
  return [authenticate, express.json({ limit: BODY_LIMIT }), bind];
}

function refuse(res: Response, log: Logger, error: unknown): void {
  // The reason names what failed (expired, wrong audience, other operation), never the token.
  const reason = error instanceof HubContextError ? error.message : "hub-context check failed";
  log.warn({ reason }, "call refused: no valid hub-context token for this operation");
  res.status(401).json({
    errors: [
      {
        message: "A valid hub-context token from the gateway, signed for this operation, is required.",
        extensions: { code: "UNAUTHENTICATED" },
      },
    ],
  });
}
