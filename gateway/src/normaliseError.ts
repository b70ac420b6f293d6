/**
 * The gateway's error formatter: the limits' rejections become QUERY_TOO_COMPLEX, everything else
 * goes through the hub's one normaliser (contracts), and the log keeps the original of anything
 * unexpected.
 */
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ERROR_CODES, normaliseError } from "@hub/contracts";
import { isLimitRejection } from "./limits";

export function createErrorNormaliser(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isLimitRejection(error)) {
      // graphql-js 16 words its token limit "more that"; clients get one spelling.
      const message = formatted.message.replace(/^Syntax Error: /, "").replace("more that ", "more than ");
      return { message, extensions: { code: "QUERY_TOO_COMPLEX" } };
    }
    if (answersStatus(error, ERROR_CODES.METHOD_NOT_ALLOWED.status)) {
      // Apollo refuses a mutation sent with GET with 405 but codes it BAD_REQUEST; the registry's code for 405 is this one.
      return { message: formatted.message, extensions: { code: "METHOD_NOT_ALLOWED" } };
    }
    const normalised = normaliseError(formatted);
    // The formatted error's message may quote the operation; the serialized `err` is redacted.
    if (normalised.unexpected) log.error({ err: error, path: formatted.path }, "unexpected error");
    return normalised.error;
  };
}

/** Whether Apollo gave the error (or the one it wraps) this HTTP status. */
function answersStatus(error: unknown, status: number): boolean {
  const httpStatus = (e: unknown) =>
    (e as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return (
    httpStatus(error) === status || httpStatus((error as { originalError?: unknown } | null)?.originalError) === status
  );
}
