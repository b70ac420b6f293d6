/**
 * The gateway's error formatter: the limits' rejections become QUERY_TOO_COMPLEX, everything else
 * goes through the hub's one normaliser (contracts), and the log keeps the original of anything
 * unexpected.
 */
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { normaliseError } from "@hub/contracts";
import { isLimitRejection } from "./limits";

export function createErrorNormaliser(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isLimitRejection(error)) {
      // graphql-js 16 words its token limit "more that"; clients get one spelling.
      const message = formatted.message.replace(/^Syntax Error: /, "").replace("more that ", "more than ");
      return { message, extensions: { code: "QUERY_TOO_COMPLEX" } };
    }
    const normalised = normaliseError(formatted);
    // The formatted error's message may quote the operation; the serialized `err` is redacted.
    if (normalised.unexpected) log.error({ err: error, path: formatted.path }, "unexpected error");
    return normalised.error;
  };
}
