/**
 * The one normaliser of client-facing errors: registered codes pass as they are, anything else
 * becomes INTERNAL_SERVER_ERROR with no internal message or stack (the log keeps the original).
 */
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ERROR_CODES } from "@hub/contracts";
import { isLimitRejection } from "./limits";

export function createErrorNormaliser(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isLimitRejection(error)) {
      // graphql-js 16 words its token limit "more that"; clients get one spelling.
      const message = formatted.message.replace(/^Syntax Error: /, "").replace("more that ", "more than ");
      return { message, extensions: { code: "QUERY_TOO_COMPLEX" } };
    }
    // Suggestions would let a caller enumerate fields its contract hides.
    if (/Did you mean /.test(formatted.message)) {
      formatted = { ...formatted, message: formatted.message.replace(/ ?Did you mean .+\?$/, "") };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR" && Object.hasOwn(ERROR_CODES, code)) {
      const { http: _http, stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: error, formatted }, "unexpected error");
    return {
      message: "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
