/**
 * The one normaliser of client-facing errors, for the gateway and every subgraph: an error with a
 * registered code passes with its message and extensions (transport details removed); anything
 * else becomes a bare INTERNAL_SERVER_ERROR, with no internal message or stack. The caller logs
 * the original when `unexpected` is true.
 */
import type { GraphQLFormattedError } from "graphql";
import { ERROR_CODES } from "./errors";

export interface NormalisedError {
  error: GraphQLFormattedError;
  /** Not a registered refusal: a defect to log with the original error. */
  unexpected: boolean;
}

export function normaliseError(formatted: GraphQLFormattedError): NormalisedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR" && Object.hasOwn(ERROR_CODES, code)) {
    const { http: _http, stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    // Suggestions would let a caller enumerate fields its contract hides.
    const message = formatted.message.replace(/ ?Did you mean .+\?$/, "");
    return { error: { ...formatted, message, extensions }, unexpected: false };
  }
  return {
    error: {
      message: "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    },
    unexpected: true,
  };
}

/**
 * The JSON answer to a request that failed outside GraphQL (a body that does not parse, a route's
 * error), by the status the failure carries: a client error is BAD_REQUEST, anything else INTERNAL.
 */
export function requestFailureAnswer(status: number | undefined): {
  status: number;
  body: { errors: GraphQLFormattedError[] };
  unexpected: boolean;
} {
  const clientError = status !== undefined && status >= 400 && status < 500;
  return {
    status: clientError ? status : 500,
    body: {
      errors: [
        clientError
          ? { message: "The request is not valid.", extensions: { code: "BAD_REQUEST" } }
          : { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ],
    },
    unexpected: !clientError,
  };
}
