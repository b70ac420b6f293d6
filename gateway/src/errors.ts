/** Builds client-facing errors from the registry: a stable code and its HTTP status. */
import { GraphQLError } from "graphql";
import { ERROR_CODES, type ErrorCode } from "@hub/contracts";

export function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ...extensions, code, http: { status: ERROR_CODES[code].status } },
  });
}
